/** The side panel: Inspector, Capabilities (with Allowed hosts and Mounts) and Files as tabs, each one click away. */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { CapabilitiesPanel } from '../../ui/capabilities/CapabilitiesPanel';
import { MountsEditor } from '../../ui/capabilities/MountsEditor';
import { useRelevance } from '../../ui/capabilities/relevance';
import { FilesPanel } from '../../ui/files/FilesPanel';
import { Inspector } from '../../ui/inspector/Inspector';
import { useModule } from '../../state/moduleStore';
import { useLayout, type SideTab } from '../../state/layoutStore';
import { OfflineSettings } from '../../ui/offline/OfflineSettings';
import { FilesIcon, InspectorIcon, ShieldIcon } from './icons';

const TABS: { id: SideTab; label: string; icon: ReactNode }[] = [
  { id: 'inspector', label: 'Inspector', icon: <InspectorIcon /> },
  { id: 'capabilities', label: 'Capabilities', icon: <ShieldIcon /> },
  { id: 'files', label: 'Files', icon: <FilesIcon /> },
];

export function SidePanel() {
  const tab = useLayout((s) => s.sideTab);
  const setTab = useLayout((s) => s.setSideTab);
  return (
    <aside className="side-panel pane" aria-label="Module details">
      <Tabs label="Panels" tabs={TABS} selected={tab} onSelect={setTab} idPrefix="side" />
      <div className="pane-scroll">
        <TabPanel id="side" tab="inspector" selected={tab}>
          <InspectorTab />
        </TabPanel>
        <TabPanel id="side" tab="capabilities" selected={tab}>
          <CapabilitiesTab />
        </TabPanel>
        <TabPanel id="side" tab="files" selected={tab}>
          <FilesPanel />
        </TabPanel>
      </div>
    </aside>
  );
}

function InspectorTab() {
  const loaded = useModule((s) => s.current !== null);
  return loaded ? <Inspector /> : <p className="muted pane-empty">Load a module to see its exports, imports and sections.</p>;
}

/** The capability summary, then the network and file controls when they apply (see relevance.ts). */
export function CapabilitiesTab() {
  const { files } = useRelevance();
  return (
    <div className="stack">
      <CapabilitiesPanel />
      {files && <MountsEditor />}
      <OfflineSettings />
    </div>
  );
}

/**
 * A tab panel whose content is mounted only while selected: the Files tree and the Console are
 * virtualised lists, which measure nothing inside a hidden panel and would show no rows when it opens.
 */
export function TabPanel<T extends string>({ id, tab, selected, children }: { id: string; tab: T; selected: T; children: ReactNode }) {
  const shown = tab === selected;
  return (
    <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} hidden={!shown} className="tab-panel">
      {shown && children}
    </div>
  );
}

/** A tablist with roving focus (arrows, Home, End), as the ARIA tabs pattern has it. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix }: { label: string; tabs: { id: T; label: string; icon: ReactNode }[]; selected: T; onSelect(tab: T): void; idPrefix: string }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} className={`tabs tabs-${idPrefix}`} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button key={t.id} type="button" role="tab" id={`${idPrefix}-tab-${t.id}`} aria-selected={t.id === selected} aria-controls={`${idPrefix}-panel-${t.id}`} tabIndex={t.id === selected ? 0 : -1} onClick={() => onSelect(t.id)}>
          {t.icon}
          <span>{t.label}</span>
        </button>
      ))}
    </div>
  );
}
