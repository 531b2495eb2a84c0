/**
 * The examples gallery (public/examples/manifest.json, built by e2e/examples/build.mjs): the list,
 * and opening one (load the module by URL relative to the app, pick the function, fill the input,
 * ask for the grants it needs, show its lesson line).
 */
import { create } from 'zustand';
import type { ModuleKind } from '../wasm/types';
import type { MountRequest } from '../model/run';
import { applySetup } from './setup';
import { useCapabilities } from './capabilitiesStore';
import { callableFunctions, useModule } from './moduleStore';

export interface Example {
  id: string;
  title: string;
  kind: ModuleKind;
  /** One line: what it teaches (shown in the list). */
  teaches: string;
  /** Shown above the input once opened. */
  lesson: string;
  /** The module, relative to the manifest. */
  file: string;
  function: string;
  args?: string[];
  argv?: string[];
  env?: Record<string, string>;
  input?: string;
  /** A file of the example whose absolute URL is the input (a URL to fetch). */
  inputUrl?: string;
  config?: Record<string, string>;
  /** 'self': the host the app is served from. */
  hosts?: 'self';
  mounts?: MountRequest[];
  /** Its source files, relative to the manifest. */
  sources: string[];
}

export interface ExamplesState {
  examples: Example[] | null;
  /** Why the list could not be loaded. */
  error: string | null;
  /** The opened example's lesson, until another module is loaded. */
  lesson: { example: Example; moduleId: string } | null;
  /** Fetch the list (once; again after an error). */
  fetchList(): Promise<void>;
  open(example: Example): Promise<boolean>;
  dismissLesson(): void;
}

/** The manifest's URL: relative to the app, so a deploy under a sub-path finds it. */
export const manifestUrl = (): string => new URL('examples/manifest.json', document.baseURI).href;

const KINDS: readonly ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'component'];

/** The manifest's examples, or what is wrong with it. */
export function parseManifest(json: unknown): { ok: true; examples: Example[] } | { ok: false; message: string } {
  const list = typeof json === 'object' && json !== null ? (json as { examples?: unknown }).examples : undefined;
  if (!Array.isArray(list)) return { ok: false, message: 'it has no "examples" list' };
  const examples: Example[] = [];
  for (const [i, raw] of list.entries()) {
    const e = raw as Partial<Example> | null;
    const missing = (['id', 'title', 'teaches', 'lesson', 'file', 'function'] as const).filter((k) => typeof e?.[k] !== 'string');
    if (!e || missing.length) return { ok: false, message: `example ${i + 1} lacks ${missing.join(', ') || 'everything'}` };
    if (!KINDS.includes(e.kind as ModuleKind)) return { ok: false, message: `example "${e.id}" has an unknown kind "${String(e.kind)}"` };
    examples.push({ ...(e as Example), sources: Array.isArray(e.sources) ? e.sources : [] });
  }
  return { ok: true, examples };
}

/** The callable `func` names, exactly or without versions ("wasi:cli/run#run" is "wasi:cli/run@0.2.12#run"). */
export function resolveFunc(callables: string[], func: string): string {
  if (callables.includes(func)) return func;
  const plain = (name: string) => name.replace(/@[^#/]*/g, '');
  return callables.find((c) => plain(c) === plain(func)) ?? func;
}

let fetching: Promise<void> | null = null;

export const useExamples = create<ExamplesState>()((set, get) => ({
  examples: null,
  error: null,
  lesson: null,

  fetchList() {
    if (get().examples) return Promise.resolve();
    fetching ??= (async () => {
      try {
        const response = await fetch(manifestUrl());
        if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
        const parsed = parseManifest(await response.json());
        if (!parsed.ok) throw new Error(parsed.message);
        set({ examples: parsed.examples, error: null });
      } catch (err) {
        set({ error: `The examples could not be listed: ${err instanceof Error ? err.message : String(err)}. Check the connection and open Examples again.` });
      } finally {
        fetching = null;
      }
    })();
    return fetching;
  },

  async open(example) {
    const base = manifestUrl();
    const url = new URL(example.file, base).href;
    const info = await useModule.getState().load({ url }, example.title, example.function);
    if (!info) return false;
    const func = resolveFunc(callableFunctions(info, info.analysis.kind), example.function);
    const input = example.inputUrl ? new URL(example.inputUrl, base).href : (example.input ?? '');
    // Every field is set, so nothing of the previous example (argv, env, config) lingers.
    applySetup({
      func,
      args: example.args ?? [],
      input: { mime: 'text/plain', text: input },
      argv: example.argv ?? [],
      env: example.env ?? {},
      config: example.config ?? {},
    });
    const hosts = example.hosts === 'self' ? [new URL(base).host] : [];
    const mounts = example.mounts ?? [];
    if (hosts.length || mounts.length) useCapabilities.getState().request({ hosts, mounts }, `The example "${example.title}"`);
    set({ lesson: { example, moduleId: info.id } });
    return true;
  },

  dismissLesson: () => set({ lesson: null }),
}));

// The lesson belongs to the example's module: loading another one puts it away.
useModule.subscribe((state) => {
  const lesson = useExamples.getState().lesson;
  if (lesson && state.current && state.current.id !== lesson.moduleId) useExamples.setState({ lesson: null });
});
