/** Loads an Extism manifest: every module it names, hashes checked, linked by name (DESIGN.md §3). */
import { parseManifest, type ExtismManifest, type ManifestWasm } from '../host/extism/manifest';
import type { LoadedModule, ManifestInfo, ModuleSource } from './api';
import { LoadFailure } from './api';

type Load = (source: ModuleSource) => Promise<LoadedModule>;

/** Fetch (if needed) and parse a manifest, load its modules, and return the main one with its links. */
export async function loadManifest(source: string | { url: string }, baseUrl: string | undefined, load: Load): Promise<LoadedModule> {
  const { text, url } = typeof source === 'string' ? { text: source, url: baseUrl } : await fetchManifest(source.url);
  const parsed = parseManifest(text, url ? { baseUrl: url } : {});
  if (!parsed.ok) {
    throw new LoadFailure({ code: 'manifest', title: 'The Extism manifest is invalid.', detail: parsed.errors.join(' ') });
  }
  const manifest = parsed.manifest;
  const loaded: LoadedModule[] = [];
  for (let i = 0; i < manifest.wasm.length; i++) loaded.push(await loadEntry(manifest.wasm[i]!, i, load));

  const main = loaded[manifest.main]!;
  const links = loaded.flatMap((m, i) => (i === manifest.main ? [] : [{ name: manifest.wasm[i]!.name, id: m.id }]));
  return { ...main, manifest: summarise(manifest, links, parsed.warnings, url) };
}

async function loadEntry(entry: ManifestWasm, index: number, load: Load): Promise<LoadedModule> {
  const where = `wasm[${index}] ("${entry.name}")`;
  const { source } = entry;
  if (source.kind === 'path') {
    throw new LoadFailure({
      code: 'manifest',
      title: `${where} names a local path (${source.path}), which a browser cannot read.`,
      detail: 'Give the module as a "url" (served with CORS) or as base64 "data" instead.',
    });
  }
  let module: LoadedModule;
  try {
    module = await load(source.kind === 'url' ? { url: source.url } : { bytes: source.bytes, name: `${entry.name}.wasm` });
  } catch (err) {
    if (err instanceof LoadFailure) {
      throw new LoadFailure({ ...err.loadError, title: `${where}: ${err.loadError.title}` });
    }
    throw err;
  }
  if (entry.hash && entry.hash !== module.id) {
    throw new LoadFailure({
      code: 'hash-mismatch',
      title: `${where} does not match the hash in the manifest.`,
      detail: `The manifest expects SHA-256 ${entry.hash}, but the module loaded has ${module.id}. The module changed since the manifest was written: update the hash or the module.`,
    });
  }
  return module;
}

async function fetchManifest(url: string): Promise<{ text: string; url: string }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch (err) {
    throw new LoadFailure({
      code: 'network',
      title: `Could not fetch the manifest at ${url}.`,
      detail: `${err instanceof Error ? err.message : String(err)}. The server may be down, or not send Access-Control-Allow-Origin (CORS).`,
    });
  }
  if (!response.ok) {
    throw new LoadFailure({ code: response.status === 404 ? 'not-found' : 'http', title: `The server answered HTTP ${response.status} for the manifest ${url}.`, detail: 'Check the URL.' });
  }
  return { text: await response.text(), url: response.url || url };
}

function summarise(m: ExtismManifest, links: ManifestInfo['links'], warnings: string[], url: string | undefined): ManifestInfo {
  return {
    // An Extism manifest: its module runs through the Extism ABI whatever it imports.
    runAs: 'extism',
    ...(url ? { url } : {}),
    config: m.config,
    allowedHosts: m.allowedHosts,
    allowedPaths: m.allowedPaths,
    links,
    warnings,
    ...(m.timeoutMs !== undefined ? { timeoutMs: m.timeoutMs } : {}),
    ...(m.memory.maxVarBytes !== undefined ? { maxVarBytes: m.memory.maxVarBytes } : {}),
    ...(m.memory.maxHttpResponseBytes !== undefined ? { maxHttpResponseBytes: m.memory.maxHttpResponseBytes } : {}),
    ...(m.memory.maxPages !== undefined ? { maxPages: m.memory.maxPages } : {}),
  };
}
