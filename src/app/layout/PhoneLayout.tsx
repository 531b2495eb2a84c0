/** Phones (≤ 480 px): one section at a time, chosen by tabs: Module · Input · Output · Console · Files. Run switches to Output. */
import { useEffect, type ReactNode } from 'react';
import { Inspector } from '../../ui/inspector/Inspector';
import { FilesPanel } from '../../ui/files/FilesPanel';
import { useLayout, type PhoneTab } from '../../state/layoutStore';
import { useModule } from '../../state/moduleStore';
import { useRun } from '../../state/runStore';
import { ConsolePane, ModuleSummary, OutputPane, RunBar, RunInputs, RunStatus } from './Panes';
import { CapabilitiesTab, TabPanel, Tabs } from './SidePanel';
import { ConsoleIcon, FilesIcon, InputIcon, ModuleIcon, OutputIcon } from './icons';

const TABS: { id: PhoneTab; label: string; icon: ReactNode }[] = [
  { id: 'module', label: 'Module', icon: <ModuleIcon /> },
  { id: 'input', label: 'Input', icon: <InputIcon /> },
  { id: 'output', label: 'Output', icon: <OutputIcon /> },
  { id: 'console', label: 'Console', icon: <ConsoleIcon /> },
  { id: 'files', label: 'Files', icon: <FilesIcon /> },
];

export function PhoneLayout() {
  const tab = useLayout((s) => s.phoneTab);
  const setTab = useLayout((s) => s.setPhoneTab);
  useRunShowsOutput();
  useNewModuleShowsSummary();
  return (
    <main id="main" className="phone" tabIndex={-1}>
      <Tabs label="Sections" tabs={TABS} selected={tab} onSelect={setTab} idPrefix="phone" />
      <div className="phone-body">
        <TabPanel id="phone" tab="module" selected={tab}>
          <div className="stack">
            <ModuleSummary />
            <CapabilitiesTab />
            <Inspector />
          </div>
        </TabPanel>
        <TabPanel id="phone" tab="input" selected={tab}>
          <div className="stack">
            <RunInputs />
          </div>
          <RunBar />
        </TabPanel>
        <TabPanel id="phone" tab="output" selected={tab}>
          <div className="stack">
            <RunStatus />
            <OutputPane />
          </div>
        </TabPanel>
        <TabPanel id="phone" tab="console" selected={tab}>
          <ConsolePane />
        </TabPanel>
        <TabPanel id="phone" tab="files" selected={tab}>
          <FilesPanel />
        </TabPanel>
      </div>
    </main>
  );
}

/** A run starting (or refused before it starts, e.g. bad arguments) brings the Output tab up: the result is what the user waits for. */
function useRunShowsOutput(): void {
  useEffect(
    () =>
      useRun.subscribe((s, prev) => {
        const started = s.running && !prev.running;
        const refused = !s.running && !prev.running && s.result !== null && s.result !== prev.result;
        if (started || refused) useLayout.getState().setPhoneTab('output');
      }),
    [],
  );
}

/** A newly loaded module brings the Module tab up: its name, kind and what it asks for come first. */
function useNewModuleShowsSummary(): void {
  useEffect(
    () =>
      useModule.subscribe((s, prev) => {
        if (s.current !== null && s.current.id !== prev.current?.id) useLayout.getState().setPhoneTab('module');
      }),
    [],
  );
}
