/**
 * The Inspector's WAT tab: the module's text form from wasm-tools `print`, printed in the WAT
 * worker and shown a window of lines at a time (a 10 MB module prints to ~7 million lines; only the
 * lines on screen are ever on the page). Highlighted, folded by function, with a function list.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { VirtualRows } from '../output/VirtualRows';
import { functionAt } from '../../wasm/wat/outline';
import { watBlob } from '../../sandbox/watClient';
import { watDocFor, type WatDoc } from './watDoc';
import { tokenizeWatLine } from './watTokens';
import './wat.css';

const LINE_HEIGHT = 18;
const FUNC_ROW = 22;

export interface WatJump {
  /** Function index in the module's index space (as in the export). */
  index: number;
  seq: number;
}

export interface WatViewProps {
  id: string;
  name: string;
  bytes(): Uint8Array | undefined;
  jumpTo: WatJump | null;
  /** Offered for core modules: open this text in the WAT editor. */
  onEdit?: (docId: number) => Promise<string | null>;
}

type State = { id: string; status: 'printing'; head?: string[] } | { id: string; status: 'failed'; message: string } | { id: string; status: 'ready'; doc: WatDoc };

export function WatView({ id, name, bytes, jumpTo, onEdit }: WatViewProps) {
  const [state, setState] = useState<State>({ id, status: 'printing' });
  useEffect(() => {
    let live = true;
    const onHead = (head: string[]) => live && setState((s) => (s.id === id && s.status === 'printing' ? { id, status: 'printing', head } : s));
    void watDocFor(id, bytes, onHead).then((out) => {
      if (live) setState(out.ok ? { id, status: 'ready', doc: out.doc } : { id, status: 'failed', message: out.message });
    });
    return () => {
      live = false;
    };
  }, [id, bytes]);
  const current = state.id === id ? state : { id, status: 'printing' as const };
  if (current.status === 'printing') return current.head ? <WatHead head={current.head} /> : <p className="muted" role="status">Printing the module as WAT…</p>;
  if (current.status === 'failed') return <p className="error-text">{current.message}</p>;
  return <WatText key={id} doc={current.doc} name={name} jumpTo={jumpTo} onEdit={onEdit} />;
}

function WatText({ doc, name, jumpTo, onEdit }: { doc: WatDoc; name: string; jumpTo: WatJump | null; onEdit?: ((docId: number) => Promise<string | null>) | undefined }) {
  useSyncExternalStore(doc.subscribe, () => doc.version);
  const { outline } = doc.printed;
  const [folded, setFolded] = useState<ReadonlySet<number>>(() => new Set());
  const [jump, setJump] = useState<{ row: number; seq: number } | undefined>(undefined);
  const [note, setNote] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  // Visible rows → lines; null while nothing is folded (row = line).
  const rows = useMemo(() => (folded.size === 0 ? null : visibleLines(doc.lineCount, outline.starts, outline.ends, folded)), [doc, folded, outline]);
  const rowCount = rows ? rows.length : doc.lineCount;
  const lineOf = (row: number) => (rows ? rows[row]! : row);

  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return null;
    const out: number[] = [];
    outline.names.forEach((n, i) => {
      if (n.toLowerCase().includes(q)) out.push(i);
    });
    return out;
  }, [filter, outline]);

  const goTo = (f: number) => {
    const line = outline.starts[f]!;
    let next = folded;
    if (folded.has(f)) {
      next = new Set(folded);
      (next as Set<number>).delete(f);
      setFolded(next);
    }
    const map = next.size === 0 ? null : visibleLines(doc.lineCount, outline.starts, outline.ends, next);
    setJump((j) => ({ row: map ? rowOfLine(map, line) : line, seq: (j?.seq ?? 0) + 1 }));
  };

  // A jump from the Exports list (handled while rendering, once per request): the top-level module's function with that index.
  const [jumpSeen, setJumpSeen] = useState<number | null>(null);
  if (jumpTo !== null && jumpTo.seq !== jumpSeen) {
    setJumpSeen(jumpTo.seq);
    const f = outline.indices.findIndex((index, i) => index === jumpTo.index && outline.nested[i] === 0);
    if (f >= 0) goTo(f);
    else setNote(`Function ${jumpTo.index} has no body here (it is imported).`);
  }

  const toggle = (f: number) =>
    setFolded((s) => {
      const n = new Set(s);
      if (!n.delete(f)) n.add(f);
      return n;
    });

  const withBlob = async (act: (blob: Blob) => Promise<void> | void, done: string) => {
    const out = await watBlob(doc.docId);
    if (!out.ok) return setNote(out.message);
    try {
      await act(out.value);
      setNote(done);
    } catch (err) {
      setNote(`That did not work: ${err instanceof Error ? err.message : String(err)}. Try "Download .wat" instead.`);
    }
  };
  const copy = () => withBlob((blob) => navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]), 'Copied.');
  const download = () =>
    withBlob((blob) => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${name.replace(/\.wasm$/i, '') || 'module'}.wat`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    }, 'Downloaded.');

  const count = outline.names.length;
  const listed = matches ?? null;
  return (
    <div className="wat-view" data-print-ms={Math.round(doc.printed.printMs)}>
      <div className="wat-actions">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={() => void download()}>
          Download .wat
        </button>
        <button type="button" disabled={count === 0} onClick={() => setFolded(new Set(outline.names.map((_, i) => i)))}>
          Fold all
        </button>
        <button type="button" disabled={folded.size === 0} onClick={() => setFolded(new Set())}>
          Unfold all
        </button>
        {onEdit && (
          <button type="button" onClick={() => void onEdit(doc.docId).then((why) => why && setNote(why))}>
            Edit as WAT
          </button>
        )}
        <span className="muted" role="status">
          {note ?? `${doc.lineCount.toLocaleString('en')} lines · ${count.toLocaleString('en')} functions`}
        </span>
      </div>
      {doc.error && <p className="error-text">{doc.error}</p>}
      <div className="wat-body">
        <div className="wat-functions">
          <input type="search" aria-label="Find function" placeholder="Find function" value={filter} onChange={(e) => setFilter(e.target.value)} />
          {count === 0 ? (
            <p className="muted">No function bodies.</p>
          ) : (
            <VirtualRows
              count={listed ? listed.length : count}
              rowHeight={FUNC_ROW}
              label="Functions"
              unit="functions"
              className="wat-function-list"
              renderRow={(i) => {
                const f = listed ? listed[i]! : i;
                return (
                  <button type="button" className="link" onClick={() => goTo(f)}>
                    {outline.names[f]}
                  </button>
                );
              }}
            />
          )}
        </div>
        <VirtualRows
          count={rowCount}
          rowHeight={LINE_HEIGHT}
          label="WAT"
          unit="lines"
          className="wat-code"
          {...(jump ? { jump } : {})}
          renderRow={(row) => {
            const line = lineOf(row);
            const f = functionAt(outline, line);
            const head = f >= 0 && outline.starts[f] === line;
            const text = doc.line(line);
            return (
              <>
                <span className="wat-gutter">
                  {head && outline.ends[f]! > line ? (
                    <button type="button" className="wat-fold" aria-expanded={!folded.has(f)} aria-label={`${folded.has(f) ? 'Unfold' : 'Fold'} ${outline.names[f]}`} onClick={() => toggle(f)}>
                      {folded.has(f) ? '▸' : '▾'}
                    </button>
                  ) : null}
                </span>
                <span className="wat-line" data-line={line + 1}>
                  {text === undefined ? <span className="muted">…</span> : <WatLine text={text} />}
                  {head && folded.has(f) && <span className="wat-folded"> … {outline.ends[f]! - line} lines</span>}
                </span>
              </>
            );
          }}
        />
      </div>
    </div>
  );
}

/** The first screen, while the worker indexes the rest of a long text. */
function WatHead({ head }: { head: string[] }) {
  return (
    <div className="wat-view">
      <p className="muted" role="status">
        Indexing lines and functions…
      </p>
      <VirtualRows count={head.length} rowHeight={LINE_HEIGHT} label="WAT" unit="lines" className="wat-code" renderRow={(i) => (
          <>
            <span className="wat-gutter" />
            <span className="wat-line" data-line={i + 1}>
              <WatLine text={head[i] ?? ''} />
            </span>
          </>
        )} />
    </div>
  );
}

function WatLine({ text }: { text: string }) {
  if (text === '') return <>{' '}</>;
  return (
    <>
      {tokenizeWatLine(text).map((t, i) =>
        t.kind === 'plain' ? (
          t.text
        ) : (
          <span key={i} className={`wat-${t.kind}`}>
            {t.text}
          </span>
        ),
      )}
    </>
  );
}

/** The lines left showing when the functions in `folded` show only their first line. */
export function visibleLines(lineCount: number, starts: Uint32Array, ends: Uint32Array, folded: ReadonlySet<number>): Uint32Array {
  const order = [...folded].sort((a, b) => a - b);
  let hidden = 0;
  for (const f of order) hidden += ends[f]! - starts[f]!;
  const out = new Uint32Array(lineCount - hidden);
  let at = 0;
  let line = 0;
  for (const f of order) {
    const s = starts[f]!;
    for (; line <= s; line++) out[at++] = line;
    line = ends[f]! + 1;
  }
  for (; line < lineCount; line++) out[at++] = line;
  return out;
}

/** The row showing `line` (or the last row before it). */
function rowOfLine(rows: Uint32Array, line: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! <= line) lo = mid + 1;
    else hi = mid - 1;
  }
  return Math.max(0, hi);
}
