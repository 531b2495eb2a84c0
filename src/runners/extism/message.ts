/** The sandbox message for an Extism plugin call. */
import type { ExtismSettings, Grants, ImportPolicy, WasiSettings } from '../../model/run';

export interface ExtismRunMessage {
  kind: 'extism';
  func: string;
  imports: ImportPolicy;
  input?: ArrayBuffer;
  grants: Grants;
  /** Keep the instance between runs (memory and globals persist) unless true. */
  freshInstance: boolean;
  settings: ExtismSettings;
  /** WASI for plugins that import it: mounts (manifest allowed_paths or the user's), clock, random. */
  wasi: WasiSettings;
  /** Modules linked by name (an Extism manifest): their exports satisfy imports from that module name. */
  links: { name: string; moduleId: string }[];
}
