/** A copy button that confirms with "Copied" (or says the text is selected when the clipboard is refused). */
import { useEffect, useState } from 'react';
import { copyText } from './copyText';

export function CopyButton({ label, text, field }: { label: string; text: string; field: () => HTMLInputElement | HTMLTextAreaElement | null }) {
  const [done, setDone] = useState<'copied' | 'selected' | null>(null);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 4000);
    return () => clearTimeout(timer);
  }, [done]);
  // The confirmation is cleared when the text changes: it was about the old text.
  const [copiedText, setCopiedText] = useState(text);
  if (copiedText !== text) {
    setCopiedText(text);
    setDone(null);
  }
  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copyText(text, field()).then(setDone)}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {done === 'copied' ? 'Copied' : done === 'selected' ? 'Selected: press Ctrl+C (⌘C) to copy' : ''}
      </span>
    </span>
  );
}
