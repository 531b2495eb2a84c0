/** The app shell: loader on top, module and run controls left, output and console right, inspector below. */
import { CapabilitiesPanel } from '../ui/capabilities/CapabilitiesPanel';
import { ConsolePane } from '../ui/console/ConsolePane';
import { MountsEditor } from '../ui/capabilities/MountsEditor';
import { FilesPanel } from '../ui/files/FilesPanel';
import { WasiSettings } from '../ui/wasi/WasiSettings';
import { GrantRequest } from '../ui/capabilities/GrantRequest';
import { FunctionPicker } from '../ui/exports/FunctionPicker';
import { ImportsNotice } from '../ui/exports/ImportsNotice';
import { InputPanel } from '../ui/input/InputPanel';
import { LessonPanel } from '../ui/lesson/LessonPanel';
import { ModuleSummary } from '../ui/exports/ModuleSummary';
import { Inspector } from '../ui/inspector/Inspector';
import { LoaderBar } from '../ui/loader/LoaderBar';
import { NewWatButton } from '../ui/wat/NewWatButton';
import { WatEditorPanel } from '../ui/wat/WatEditorPanel';
import { LoadStatus } from '../ui/loader/LoadStatus';
import { RecentModules } from '../ui/loader/RecentModules';
import { OutputPane } from '../ui/output/OutputPane';
import { PluginSettings } from '../ui/plugin/PluginSettings';
import { WapcSettings } from '../ui/wapc/WapcSettings';
import { RunControls } from '../ui/run/RunControls';
import { RunStatus } from '../ui/run/RunStatus';
import { EmbedConsent } from './EmbedConsent';
import { SharePanel } from '../ui/share/SharePanel';
import { SharedLinkNotice } from '../ui/share/SharedLinkNotice';
import { ExamplesButton } from '../ui/examples/ExamplesButton';
import { ExampleLesson } from '../ui/examples/ExampleLesson';
import { UpdatePrompt } from '../ui/offline/UpdatePrompt';
import { OfflineSettings } from '../ui/offline/OfflineSettings';
import { restoreLastSession } from './useRestoreSession';
import { useShareLink } from './useShareLink';
import { useShortcuts } from './useShortcuts';
import { useWindowDrop } from './useWindowDrop';

export function App({ embedded }: { embedded: boolean }) {
  const dragging = useWindowDrop();
  useShortcuts();
  // A share link wins over the last session; an embedded app starts empty.
  useShareLink(() => {
    if (!embedded) restoreLastSession();
  });

  return (
    <div className="app">
      <header className="topbar">
        <h1>Wasm Playground</h1>
        <LoaderBar />
        <ExamplesButton />
        <NewWatButton />
        <RecentModules />
        <SharePanel />
      </header>
      <UpdatePrompt />
      <LoadStatus />
      <SharedLinkNotice />
      <GrantRequest />
      {embedded && <EmbedConsent />}
      <main className="workspace">
        <div className="side">
          <ExampleLesson />
          <WatEditorPanel />
          <ModuleSummary />
          <FunctionPicker />
          <ImportsNotice />
          <LessonPanel />
          <InputPanel />
          <RunControls />
          <PluginSettings />
          <WapcSettings />
          <WasiSettings />
          <CapabilitiesPanel />
          <MountsEditor />
          <OfflineSettings />
        </div>
        <div className="results">
          <OutputPane />
          <RunStatus />
          <ConsolePane />
          <FilesPanel />
        </div>
      </main>
      <Inspector />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .wasm file to load it
        </div>
      )}
    </div>
  );
}
