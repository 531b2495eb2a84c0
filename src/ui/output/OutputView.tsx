/**
 * The renderer for an output's MIME type (src/output/registry.ts). Text and JSON, the common
 * outputs, are in the initial chunk so a first run shows them at once; the rest load on first use.
 */
import { Component, lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { rendererFor } from '../../output/registry';
import type { RendererId } from '../../output/registry';
import type { RendererProps } from './renderers/types';
import JsonView from './renderers/JsonView';
import TextView from './renderers/TextView';

const TableView = lazy(() => import('./renderers/TableView'));

const RENDERERS: Record<RendererId, ComponentType<RendererProps>> = {
  text: TextView,
  json: JsonView,
  msgpack: lazy(() => import('./renderers/MsgpackView')),
  image: lazy(() => import('./renderers/ImageView')),
  svg: lazy(() => import('./renderers/SvgView')),
  html: lazy(() => import('./renderers/HtmlView')),
  markdown: lazy(() => import('./renderers/MarkdownView')),
  csv: (props) => <TableView {...props} separator="," />,
  tsv: (props) => <TableView {...props} separator={'\t'} />,
  audio: lazy(() => import('./renderers/AudioView')),
  video: lazy(() => import('./renderers/VideoView')),
  pdf: lazy(() => import('./renderers/PdfView')),
  hex: lazy(() => import('./renderers/HexView')),
  wasm: lazy(() => import('./renderers/WasmView')),
};

export function OutputView(props: RendererProps) {
  const id = rendererFor(props.mime);
  const Renderer = RENDERERS[id];
  return (
    <div className={`renderer renderer-${id}`}>
      <RendererBoundary key={`${id}:${props.doc.id}`}>
        <Suspense fallback={<p className="muted">Loading the {id} view…</p>}>
          <Renderer {...props} />
        </Suspense>
      </RendererBoundary>
    </div>
  );
}

/** A renderer that throws shows its error instead of blanking the pane. */
class RendererBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error) return <p className="error-text">This output could not be shown: {this.state.error}. Try another "Output type".</p>;
    return this.props.children;
  }
}
