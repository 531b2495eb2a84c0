/** The Share dialog: the link with "Copy link", its size, what to do with a module too big for it, and the embed snippet. */
import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../../state/lessonStore';
import { useShare, type MadeLink } from '../../state/shareStore';
import { formatBytes } from '../format';
import { BundleButton } from './BundleButton';
import { CopyButton } from './CopyButton';
import { EmbedSection } from './EmbedSection';

export function ShareDialog() {
  const open = useShare((s) => s.dialogOpen);
  const made = useShare((s) => s.made);
  const error = useShare((s) => s.shareError);
  const close = useShare((s) => s.closeDialog);
  const ref = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<'link' | 'embed'>('link');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="share-dialog" aria-label="Share" onClose={close}>
      <header className="share-dialog-header">
        <h2>Share</h2>
        <button type="button" className="share-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      {!made ? (
        <p role="alert" className="error-text">
          {error ?? 'Load a module first: a link shares the module with its settings.'}
        </p>
      ) : (
        <>
          <div role="tablist" aria-label="Share as" className="share-tabs">
            <button type="button" role="tab" aria-selected={tab === 'link'} onClick={() => setTab('link')}>
              Link
            </button>
            <button type="button" role="tab" aria-selected={tab === 'embed'} onClick={() => setTab('embed')}>
              Embed
            </button>
          </div>
          {tab === 'link' ? <LinkSection made={made} /> : <EmbedSection made={made} />}
        </>
      )}
    </dialog>
  );
}

function LinkSection({ made }: { made: MadeLink }) {
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <div role="tabpanel" aria-label="Link" className="share-section">
      <textarea ref={field} aria-label="Share link" className="share-link" readOnly rows={3} value={made.link} onFocus={(e) => e.currentTarget.select()} />
      <div className="share-row">
        <CopyButton label="Copy link" text={made.link} field={() => field.current} />
        <span className="muted share-size">
          {formatBytes(made.link.length)} · {made.link.length.toLocaleString('en')} characters
        </span>
      </div>
      <LessonEditor />
      {made.tooBig ? (
        <TooBig made={made} />
      ) : (
        <p className="muted">The setup travels in the link after “#”, which browsers never send to a server. Grants it carries are asked for, never applied by themselves.</p>
      )}
    </div>
  );
}

/** No dead end for a module too big to inline: the file-asking link above, a bundle, or hosting it. */
function TooBig({ made }: { made: MadeLink }) {
  const size = formatBytes(made.module.size);
  return (
    <section className="share-too-big" aria-label="Module not in the link">
      <p>{made.tooBig} Three ways to share it:</p>
      <ol>
        <li>
          <strong>Send the link above and the file.</strong> The link carries everything else; whoever opens it is asked for {made.module.name} ({size}) and
          the file is checked by SHA-256 (<code>{made.module.sha256.slice(0, 12)}…</code>).
        </li>
        <li>
          <strong>Send one file:</strong> <BundleButton made={made} /> is a single HTML page with the module and this setup; open it and click “Open in Wasm Playground”.
        </li>
        <li>
          <strong>Host the module</strong> at a URL that allows CORS (GitHub Pages, a bucket, a release asset behind a CORS proxy), load it with “Module URL”,
          and share again: the link then fetches it.
        </li>
      </ol>
    </section>
  );
}

/**
 * A teacher's lesson for the link: Markdown shown to the recipient above the input, with "Reset
 * to the lesson's start". Saved into the link when the field loses focus or on "Update link".
 */
function LessonEditor() {
  const shown = useLesson((s) => s.lesson);
  const [text, setText] = useState(shown?.markdown ?? '');
  const apply = () => {
    const markdown = text.trim();
    const share = useShare.getState();
    // The lesson starts from the setup as it is now: Reset re-applies the link being made.
    useLesson.getState().show(markdown ? { ...(shown?.title ? { title: shown.title } : {}), markdown } : null, async () => {
      const hash = share.made?.hash;
      if (hash) await share.open(hash);
    });
    share.share();
  };
  return (
    <details className="share-lesson" open={text !== ''}>
      <summary>Lesson for whoever opens the link</summary>
      <textarea aria-label="Lesson (Markdown)" rows={4} value={text} placeholder="# Adding numbers&#10;Change the arguments and press Run." onChange={(e) => setText(e.target.value)} onBlur={apply} />
      <button type="button" onClick={apply}>
        Update link
      </button>
    </details>
  );
}
