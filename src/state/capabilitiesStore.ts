/** What the user granted (DESIGN.md §4). Network is denied until hosts are allowed. */
import { create } from 'zustand';
import { isUrlAllowed, normaliseHostPattern, parseAllowlist } from '../host/allowlist';

/** Whether the allowlist lets a guest fetch `url` (the console's one-click grant asks). */
export const isAllowedByList: (url: string, hosts: string[]) => boolean = isUrlAllowed;
import type { MountRequest } from '../sandbox/fsPort';
import { useFiles } from './filesStore';

export interface CapabilitiesState {
  /** The "Allowed hosts" textbox as typed. */
  allowedHostsText: string;
  hosts: string[];
  /** Entries that are not hosts, shown as an error under the box. */
  invalidHosts: string[];
  setAllowedHostsText(text: string): void;
  /** One-click grant from a blocked line in the Console. */
  allowHost(host: string): void;
  /** Directories of stored volumes mounted into WASI programs and plugins; none unless the user mounts them. */
  mounts: MountRequest[];
  /** Add or replace (same guest path) a mount. */
  mount(mount: MountRequest): void;
  unmount(guestPath: string): void;
  /** Grants a manifest or share link asks for: shown for the user to accept, never applied silently. */
  requested: RequestedGrants | null;
  /** Why accepting the last request failed (a folder could not be made), if it did. */
  requestError: string | null;
  request(grants: { hosts?: string[]; mounts?: MountRequest[] }, from: string): void;
  answerRequest(accept: boolean): Promise<void>;
}

export interface RequestedGrants {
  hosts: string[];
  mounts: MountRequest[];
  /** Who asks, for the sentence: "The manifest", "This share link". */
  from: string;
}

const sameMount = (a: MountRequest, b: MountRequest) =>
  a.guestPath === b.guestPath && a.volume === b.volume && (a.dir ?? '') === (b.dir ?? '') && Boolean(a.readOnly) === Boolean(b.readOnly);

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
  requestError: null,
  request(grants, from) {
    const hosts = (grants.hosts ?? []).filter((h) => !get().hosts.includes(h));
    const mounts = (grants.mounts ?? []).filter((m) => !get().mounts.some((x) => sameMount(x, m)));
    set({ requested: hosts.length || mounts.length ? { hosts, mounts, from } : null, requestError: null });
  },
  async answerRequest(accept) {
    const requested = get().requested;
    set({ requested: null, requestError: null });
    if (!accept || !requested) return;
    for (const host of requested.hosts) get().allowHost(host);
    for (const m of requested.mounts) {
      try {
        // The folder is made if missing, so a plugin that writes there finds it.
        await useFiles.getState().ensureFolder(m.volume, m.dir ?? '');
        get().mount(m);
      } catch (err) {
        set({ requestError: `Could not mount ${m.volume}:/${m.dir ?? ''} at ${m.guestPath}: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  },
  allowHost(host) {
    const normal = normaliseHostPattern(host);
    if (!normal || get().hosts.includes(normal)) return;
    const text = get().allowedHostsText.trim();
    get().setAllowedHostsText(text ? `${text}, ${normal}` : normal);
  },
}));
