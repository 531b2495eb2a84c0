/** The pieces both layouts arrange: the module pane's parts, the Run bar, the output column. */
import { ConsolePane } from '../../ui/console/ConsolePane';
import { FunctionPicker } from '../../ui/exports/FunctionPicker';
import { ImportsNotice } from '../../ui/exports/ImportsNotice';
import { ModuleSummary } from '../../ui/exports/ModuleSummary';
import { InputPanel } from '../../ui/input/InputPanel';
import { OutputPane } from '../../ui/output/OutputPane';
import { PluginSettings } from '../../ui/plugin/PluginSettings';
import { RunControls } from '../../ui/run/RunControls';
import { RunStatus } from '../../ui/run/RunStatus';
import { WasiSettings } from '../../ui/wasi/WasiSettings';
import { ExampleLesson } from '../../ui/examples/ExampleLesson';
import { LessonPanel } from '../../ui/lesson/LessonPanel';
import { WapcSettings } from '../../ui/wapc/WapcSettings';
import { WatEditorPanel } from '../../ui/wat/WatEditorPanel';

/** Function, its arguments, the input (stdin for WASI), WASI and plugin settings: everything Run uses, above it. */
export function RunInputs() {
  return (
    <>
      <ExampleLesson />
      <WatEditorPanel />
      <ImportsNotice />
      <FunctionPicker />
      <WasiSettings />
      <LessonPanel />
      <InputPanel />
      <PluginSettings />
      <WapcSettings />
    </>
  );
}

/** Run, kept in view at the bottom of its pane. */
export function RunBar() {
  return (
    <div className="run-bar">
      <RunControls />
    </div>
  );
}

export { ModuleSummary, OutputPane, RunStatus, ConsolePane };
