/** What the user granted (DESIGN.md §4). Network is denied until hosts are allowed. */
import { create } from 'zustand';
import { normaliseHostPattern, parseAllowlist } from '../host/allowlist';
import type { MountRequest } from '../sandbox/fsPort';

export interface CapabilitiesState {
  /** The "Allowed hosts" textbox as typed. */
  allowedHostsText: string;
  hosts: string[];
  /** Entries that are not hosts, shown as an error under the box. */
  invalidHosts: string[];
  setAllowedHostsText(text: string): void;
  /** One-click grant from a blocked line in the Console. */
  allowHost(host: string): void;
  /** Directories of stored volumes mounted into WASI guests; none unless the user mounts them. */
  mounts: MountRequest[];
  /** Add or replace (same guest path) a mount. */
  mount(mount: MountRequest): void;
  unmount(guestPath: string): void;
  /** Grants a manifest or share link asks for: shown for the user to accept, never applied silently. */
  requested: { hosts: string[]; from: string } | null;
  request(hosts: string[], from: string): void;
  answerRequest(accept: boolean): void;
}

export const useCapabilities = create<CapabilitiesState>()((set, get) => ({
  allowedHostsText: '',
  hosts: [],
  invalidHosts: [],
  setAllowedHostsText(text) {
    const { hosts, invalid } = parseAllowlist(text);
    set({ allowedHostsText: text, hosts, invalidHosts: invalid });
  },
  mounts: [],
  mount: (m) => set((s) => ({ mounts: [...s.mounts.filter((x) => x.guestPath !== m.guestPath), m] })),
  unmount: (guestPath) => set((s) => ({ mounts: s.mounts.filter((x) => x.guestPath !== guestPath) })),
  requested: null,
  request(hosts, from) {
    const missing = hosts.filter((h) => !get().hosts.includes(h));
    set({ requested: missing.length ? { hosts: missing, from } : null });
  },
  answerRequest(accept) {
    const requested = get().requested;
    set({ requested: null });
    if (accept && requested) for (const host of requested.hosts) get().allowHost(host);
  },
  allowHost(host) {
    const normal = normaliseHostPattern(host);
    if (!normal || get().hosts.includes(normal)) return;
    const text = get().allowedHostsText.trim();
    get().setAllowedHostsText(text ? `${text}, ${normal}` : normal);
  },
}));
