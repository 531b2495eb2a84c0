/**
 * JSON as a collapsible tree. A small output is parsed on the page in the render that shows it; a
 * big one is parsed and kept by the worker, and expanding a node fetches a page of children.
 */
import { useEffect, useMemo, useState } from 'react';
import type { OutputDoc } from '../../../sandbox/outputClient';
import { JSON_PAGE, JSON_TREE_LIMIT } from '../../../output/jsonTree';
import type { JsonNode } from '../../../output/jsonTree';
import { useJob } from '../useOutputDoc';
import TextView from './TextView';
import type { RendererProps } from './types';
import { formatBytes, formatCount } from './types';

export default function JsonView({ bytes, doc }: RendererProps) {
  const tooBig = bytes.length > JSON_TREE_LIMIT;
  const local = useMemo(() => (doc.jsonOnPage ? doc.jsonNow() : null), [doc]);
  const remote = useJob(tooBig || local ? null : doc, (d) => d.json());
  const root = local ? (local.ok ? { value: local.root } : { error: local.error }) : remote;
  if (tooBig) {
    return <TextView bytes={bytes} doc={doc} note={`This JSON is ${formatBytes(bytes.length)}, so it is shown as text (the tree view takes up to ${formatBytes(JSON_TREE_LIMIT)}).`} />;
  }
  if (root.error) return <TextView bytes={bytes} doc={doc} note={`Not valid JSON (${root.error}), so it is shown as text.`} />;
  if (!root.value) return <p className="muted">Parsing JSON…</p>;
  return (
    <ul className="json-tree mono" role="tree" aria-label="JSON">
      <JsonItem doc={doc} node={root.value} startOpen />
    </ul>
  );
}

function JsonItem({ doc, node, startOpen = false }: { doc: OutputDoc; node: JsonNode; startOpen?: boolean }) {
  const container = node.kind === 'object' || node.kind === 'array';
  const [open, setOpen] = useState(startOpen && container);
  const key = node.key === null ? null : typeof node.key === 'number' ? String(node.key) : JSON.stringify(node.key);
  const label = (
    <>
      {key !== null && <span className="json-key">{key}: </span>}
      {container ? (
        <span className="json-summary">
          {node.kind === 'array' ? `[ ${formatCount(node.size)} items ]` : `{ ${formatCount(node.size)} keys }`}
        </span>
      ) : (
        <span className={`json-${node.kind}`}>{node.text}</span>
      )}
    </>
  );
  if (!container || node.size === 0) {
    return (
      <li role="treeitem" aria-selected="false" className="json-leaf">
        {label}
      </li>
    );
  }
  return (
    <li role="treeitem" aria-selected="false" aria-expanded={open}>
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {label}
      </button>
      {open && <JsonChildren doc={doc} node={node} />}
    </li>
  );
}

function JsonChildren({ doc, node }: { doc: OutputDoc; node: JsonNode }) {
  // On the page the first page of children is there in the first render; the worker's comes later.
  const [pages, setPages] = useState<JsonNode[][]>(() => (doc.jsonOnPage ? [doc.jsonChildrenNow(node.path, 0, JSON_PAGE).nodes] : []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = pages.reduce((n, p) => n + p.length, 0);
  const fail = (err: unknown) => setError(err instanceof Error ? err.message : String(err));

  useEffect(() => {
    if (doc.jsonOnPage) return;
    let live = true;
    doc.jsonChildren(node.path, 0, JSON_PAGE).then(
      ({ nodes }) => live && setPages([nodes]),
      (err: unknown) => live && fail(err),
    );
    return () => {
      live = false;
    };
  }, [doc, node.path]);

  const more = () => {
    setBusy(true);
    doc
      .jsonChildren(node.path, loaded, JSON_PAGE)
      .then(({ nodes }) => setPages((p) => [...p, nodes]), fail)
      .finally(() => setBusy(false));
  };

  return (
    <ul role="group">
      {pages.flat().map((child) => (
        <JsonItem key={String(child.key)} doc={doc} node={child} />
      ))}
      {error && <li className="error-text">{error}</li>}
      {(busy || (pages.length === 0 && !error)) && <li className="muted">Loading…</li>}
      {!busy && pages.length > 0 && loaded < node.size && (
        <li>
          <button type="button" className="link-button" onClick={more}>
            Show more ({formatCount(node.size - loaded)} left)
          </button>
        </li>
      )}
    </ul>
  );
}
