/** "Output type", "Copy output", "Download output" and "Use as input" for an output's bytes. */
import { useState } from 'react';
import type { OutputDoc } from '../../sandbox/outputClient';
import { OUTPUT_TYPES, rendererFor } from '../../output/registry';
import type { RunOutput } from '../../sandbox/api';
import { useOutput } from '../../state/outputStore';
import { formatBytes } from '../format';
import { clipboardBytes, COPY_CONFIRM_BYTES, copyKind, copyOutput, downloadBlob, outputFileName, typed } from './outputActions';

const COPY_TITLES = { text: 'Copies the output as text', image: 'Copies the image (as PNG)', base64: 'Copies the bytes as base64 text' };

export function OutputToolbar({ output, doc, func, mime }: { output: RunOutput; doc: OutputDoc; func: string; mime: string }) {
  const override = useOutput((s) => s.override);
  const setOverride = useOutput((s) => s.setOverride);
  const asInput = useOutput((s) => s.asInputHandler);
  const [copied, setCopied] = useState<{ doc: OutputDoc; text: string } | null>(null);
  const [confirming, setConfirming] = useState<OutputDoc | null>(null);
  const renderer = rendererFor(mime);
  const name = outputFileName(func, mime);
  const known = OUTPUT_TYPES.some((t) => t.mime === override);

  const copySize = clipboardBytes(output.bytes.length, copyKind(renderer));
  const download = () => void typed(doc, mime).then((blob) => downloadBlob(blob, name));
  const copy = () => {
    setConfirming(null);
    copyOutput(doc, mime, renderer).then(
      () => setCopied({ doc, text: 'Copied' }),
      (err: unknown) => setCopied({ doc, text: `Copy failed: ${err instanceof Error ? err.message : String(err)}` }),
    );
  };

  return (
    <>
      <label className="inline output-type">
        Output type
        <select value={override ?? ''} onChange={(e) => setOverride(e.target.value === '' ? null : e.target.value)}>
          <option value="">Auto (sniffed: {output.mime})</option>
          {override !== null && !known && <option value={override}>{override}</option>}
          {OUTPUT_TYPES.map((t) => (
            <option key={t.mime} value={t.mime}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" title={COPY_TITLES[copyKind(renderer)]} onClick={copySize > COPY_CONFIRM_BYTES ? () => setConfirming(doc) : copy}>
        Copy output
      </button>
      <button type="button" title={`Saves ${name}`} onClick={download}>
        Download output
      </button>
      <button
        type="button"
        disabled={!asInput}
        title={asInput ? 'Makes this output the input of the next run' : 'No input editor is open'}
        onClick={() => asInput?.(output.bytes, mime, name)}
      >
        Use as input
      </button>
      <span className="copy-feedback" aria-live="polite">
        {copied?.doc === doc ? copied.text : ''}
      </span>
      {confirming === doc && (
        <div role="alertdialog" aria-label="Copy a large output" className="copy-confirm">
          <span>Copying {formatBytes(copySize)} can hold up the page for a few seconds while the browser takes it.</span>{' '}
          <button type="button" onClick={copy}>
            Copy anyway
          </button>{' '}
          <button
            type="button"
            autoFocus
            onClick={() => {
              setConfirming(null);
              download();
            }}
          >
            Download instead
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
