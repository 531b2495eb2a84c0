/** Where the panes are: their sizes (remembered in localStorage), the side panel's tab, the phone's tab, and what the user revealed. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useCapabilities } from './capabilitiesStore';
import { useModule } from './moduleStore';

export type SideTab = 'inspector' | 'capabilities' | 'files';
export type PhoneTab = 'module' | 'input' | 'output' | 'console' | 'files';

/** Pane sizes in CSS pixels (the output share is a fraction of the middle column). */
export interface PaneSizes {
  /** Width of the left pane (module, function, input, Run). */
  left: number;
  /** Width of the side panel (Inspector, Capabilities, Files). */
  side: number;
  /** Share of the middle column that Output takes; Console has the rest. */
  output: number;
}

export const PANE_LIMITS = {
  left: { min: 280, max: 720 },
  side: { min: 280, max: 760 },
  output: { min: 0.2, max: 0.85 },
} as const;

export const DEFAULT_SIZES: PaneSizes = { left: 400, side: 420, output: 0.5 };

export interface LayoutState {
  sizes: PaneSizes;
  sideTab: SideTab;
  phoneTab: PhoneTab;
  /** "Add network access…" / "Mount a folder…" pressed: shown even when the module does not ask. */
  showNetwork: boolean;
  showMounts: boolean;
  resize(pane: keyof PaneSizes, value: number): void;
  setSideTab(tab: SideTab): void;
  setPhoneTab(tab: PhoneTab): void;
  revealNetwork(): void;
  revealMounts(): void;
}

export function clampSize(pane: keyof PaneSizes, value: number): number {
  const { min, max } = PANE_LIMITS[pane];
  if (!Number.isFinite(value)) return DEFAULT_SIZES[pane];
  return Math.min(max, Math.max(min, value));
}

export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sizes: DEFAULT_SIZES,
      sideTab: 'inspector',
      phoneTab: 'module',
      showNetwork: false,
      showMounts: false,
      resize: (pane, value) => set((s) => ({ sizes: { ...s.sizes, [pane]: clampSize(pane, value) } })),
      setSideTab: (sideTab) => set({ sideTab }),
      setPhoneTab: (phoneTab) => set({ phoneTab }),
      revealNetwork: () => set({ showNetwork: true, sideTab: 'capabilities' }),
      revealMounts: () => set({ showMounts: true, sideTab: 'capabilities' }),
    }),
    {
      name: 'wasm-playground:layout',
      version: 1,
      // Only the sizes and the side tab are remembered; reveals are per visit.
      partialize: (s) => ({ sizes: s.sizes, sideTab: s.sideTab }),
      merge: (persisted, current) => ({ ...current, ...restoreLayout(persisted) }),
    },
  ),
);

/** A stored layout, each field checked (a hand-edited or older value falls back to the default). */
export function restoreLayout(persisted: unknown): Pick<LayoutState, 'sizes' | 'sideTab'> {
  const o = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
  const s = typeof o.sizes === 'object' && o.sizes !== null ? (o.sizes as Record<string, unknown>) : {};
  const size = (pane: keyof PaneSizes) => (typeof s[pane] === 'number' ? clampSize(pane, s[pane]) : DEFAULT_SIZES[pane]);
  const tabs: SideTab[] = ['inspector', 'capabilities', 'files'];
  return {
    sizes: { left: size('left'), side: size('side'), output: size('output') },
    sideTab: tabs.includes(o.sideTab as SideTab) ? (o.sideTab as SideTab) : 'inspector',
  };
}

// A grant added from elsewhere (a grant request accepted, a one-click grant in the Console) brings
// the Capabilities tab up, so the user sees what is now allowed.
useCapabilities.subscribe((s, prev) => {
  if (s.mounts.length > prev.mounts.length || s.hosts.length > prev.hosts.length) useLayout.getState().setSideTab('capabilities');
});

// A module that asks for the network or files brings the Capabilities tab up from the Inspector: both
// are denied until the user decides, so that decision is the most relevant thing to show. A user
// looking at Files stays there.
useModule.subscribe((s, prev) => {
  const current = s.current;
  if (!current || current.id === prev.current?.id || useLayout.getState().sideTab !== 'inspector') return;
  if (current.analysis.capabilities.some((r) => r.capability === 'network' || r.capability === 'filesystem')) useLayout.getState().setSideTab('capabilities');
});
