/** The "Console" region: stdout, stderr, logs (with level), stub calls and blocked capability calls. */
import { MountFromBlocked } from '../capabilities/MountsEditor';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ConsoleLine } from '../../sandbox/api';
import { isAllowedByList, useCapabilities } from '../../state/capabilitiesStore';
import { useRun } from '../../state/runStore';
import { formatMs } from '../format';

/** How close to the bottom (px) still counts as "following" new lines. */
const FOLLOW_SLACK = 24;

export function ConsolePane() {
  const lines = useRun((s) => s.console);
  const clear = useRun((s) => s.clearConsole);
  const dropped = useRun((s) => s.consoleDropped);
  const scroller = useRef<HTMLDivElement>(null);
  // Follow new lines unless the user has scrolled up to read older ones.
  const follow = useRef(true);
  // Up to CONSOLE_LIMIT (5,000) lines: only the visible ones are in the DOM.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render here
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 20,
    overscan: 12,
  });

  const totalSize = virtualizer.getTotalSize();
  const lastTop = useRef(0);

  // Re-run when rows are measured too (wrapped lines grow the list after the first scroll).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (lines.length === 0) {
      follow.current = true;
      lastTop.current = 0;
    } else if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [lines, totalSize]);

  // Only a scroll *up* stops following: our own scrolls go down, and content growing fires no event.
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK) follow.current = true;
    else if (el.scrollTop < lastTop.current) follow.current = false;
    lastTop.current = el.scrollTop;
  };

  return (
    <section className="console-pane panel" aria-label="Console">
      <header className="panel-header">
        <h3>Console</h3>
        <div className="panel-actions">
          <button type="button" onClick={clear} disabled={lines.length === 0}>
            Clear console
          </button>
        </div>
      </header>
      <div ref={scroller} className="console-body" role="log" aria-live="polite" aria-label="Console lines" tabIndex={0} onScroll={onScroll}>
        {lines.length === 0 && <p className="muted">Output, logs and calls to stubbed imports appear here.</p>}
        {dropped > 0 && <p className="muted console-dropped">{dropped} earlier line{dropped === 1 ? '' : 's'} not kept (the console keeps the last 5,000).</p>}
        <div className="console-rows" style={{ height: totalSize }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            return line ? (
              <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="console-row" style={{ transform: `translateY(${item.start}px)` }}>
                <Line line={line} />
              </div>
            ) : null;
          })}
        </div>
      </div>
    </section>
  );
}

/** Characters of a line shown before "show all" (a line is at most 10,000: the worker cuts longer ones). */
const SHOWN_CHARS = 1000;

function Line({ line }: { line: ConsoleLine }) {
  const level = line.stream === 'log' ? line.level : undefined;
  const [whole, setWhole] = useState(false);
  const long = line.text.length > SHOWN_CHARS;
  return (
    <div className={`console-line ${line.stream}${level ? ` level-${level}` : ''}`} data-stream={line.stream} data-level={level}>
      <span className="at">{formatMs(line.at)}</span>
      <span className="stream">{level ? `[${level}]` : line.stream}</span>
      <span className="text">
        {long && !whole ? `${line.text.slice(0, SHOWN_CHARS)}…` : line.text}
        {long && (
          <button type="button" className="link" onClick={() => setWhole(!whole)}>
            {whole ? 'show less' : `show all ${line.text.length} characters`}
          </button>
        )}
      </span>
      {line.stream === 'blocked' && line.target && (line.capability ?? 'network') === 'network' && <AllowHost host={line.target} />}
      {line.stream === 'blocked' && line.target && line.capability === 'filesystem' && <MountFromBlocked path={line.target} />}
    </div>
  );
}

/** One-click grant for a blocked request (DESIGN.md §4); the user then runs again. */
function AllowHost({ host }: { host: string }) {
  const allowed = useCapabilities((s) => isAllowedByList(host.includes('://') ? host : `https://${host}/`, s.hosts));
  const done = useRef<HTMLSpanElement>(null);
  const hadFocus = useRef(false);

  useLayoutEffect(() => {
    // The button goes away when clicked: keep keyboard focus on its replacement.
    if (allowed && hadFocus.current) done.current?.focus();
  }, [allowed]);

  if (allowed) {
    return (
      <span ref={done} className="allowed" tabIndex={-1}>
        allowed · run again
      </span>
    );
  }
  return (
    <button
      type="button"
      className="allow-host"
      onClick={(e) => {
        hadFocus.current = document.activeElement === e.currentTarget;
        useCapabilities.getState().allowHost(host);
      }}
    >
      Allow {host}
    </button>
  );
}
