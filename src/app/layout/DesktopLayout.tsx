/** Wide screens: module and Run on the left, Output over Console in the middle, the tabbed side panel on the right; every divider drags. */
import type { CSSProperties } from 'react';
import { useLayout } from '../../state/layoutStore';
import { ConsolePane, ModuleSummary, OutputPane, RunBar, RunInputs, RunStatus } from './Panes';
import { SidePanel } from './SidePanel';
import { SplitHandle } from './SplitHandle';

export function DesktopLayout() {
  const sizes = useLayout((s) => s.sizes);
  const style = { '--left': `${sizes.left}px`, '--side': `${sizes.side}px`, '--output': sizes.output } as CSSProperties;
  return (
    <main id="main" className="workspace" style={style} tabIndex={-1}>
      <div className="pane pane-left">
        <div className="pane-scroll stack">
          <ModuleSummary />
          <RunInputs />
        </div>
        <RunBar />
      </div>
      <SplitHandle pane="left" label="Resize the module pane" orientation="vertical" growsForward sizeAt={(x, _y, box) => x - box.left} />
      <div className="pane pane-center">
        <div className="output-slot">
          <OutputPane />
        </div>
        <RunStatus />
        <SplitHandle pane="output" label="Resize Output and Console" orientation="horizontal" growsForward sizeAt={(_x, y, box) => (y - box.top) / box.height} />
        <div className="console-slot">
          <ConsolePane />
        </div>
      </div>
      <SplitHandle pane="side" label="Resize the side panel" orientation="vertical" growsForward={false} sizeAt={(x, _y, box) => box.right - x} />
      <SidePanel />
    </main>
  );
}
