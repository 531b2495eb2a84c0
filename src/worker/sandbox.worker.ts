/// <reference lib="webworker" />
/** Sandbox worker: runs guest code. The page terminates it to stop a run (STYLE.md §4). */
import type { PrepareRequest, RunRequestMessage, SandboxEvent, SandboxRequest } from '../sandbox/protocol';
import { prepareNextInstance, runCore } from './core';
import { runExtism } from './extism';
import { runWasi } from './wasi';
import { unsupportedKind } from './unsupported';

const post = (event: SandboxEvent) => self.postMessage(event);
const prepared = new Map<string, PrepareRequest>();

self.onmessage = (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'prepare':
      prepared.set(request.moduleId, request);
      return;
    case 'run':
      // Output buffers are the worker's own fresh copies: transfer them, so a 100 MB output
      // is not structured-cloned on the page's main thread.
      void run(request).then((event) => {
        self.postMessage(event, transferables(event));
        // While the page takes the result, make the next run's fresh instance (core modules).
        const p = prepared.get(request.moduleId);
        if (request.kind === 'core' && p && p.imports.length === 0) prepareNextInstance(p.module);
      });
      return;
    default: {
      const never: never = request;
      throw new Error(`unknown sandbox request ${JSON.stringify(never)}`);
    }
  }
};

async function run(request: RunRequestMessage): Promise<SandboxEvent> {
  const { runId, func } = request;
  const module = prepared.get(request.moduleId);
  if (!module) {
    return { type: 'error', runId, timings: {}, error: { code: 'internal', func, message: 'The sandbox was not given this module. Load it again.' } };
  }
  if (request.kind === 'extism') {
    return runExtism({
      runId,
      func,
      moduleId: request.moduleId,
      module: module.module,
      compileMs: module.compileMs,
      imports: module.imports,
      policy: request.imports,
      input: new Uint8Array(request.input ?? new ArrayBuffer(0)),
      grants: request.grants,
      freshInstance: request.freshInstance,
      options: request.extism ?? { config: {}, vars: [], logLevel: 'info', httpMode: 'auto', exposeHeaders: false },
      wasi: request.wasi ?? { argv: ['plugin'], env: [], mounts: [], watchUnmounted: false },
      links: (request.links ?? []).flatMap((l) => {
        const linked = prepared.get(l.moduleId);
        return linked ? [{ name: l.name, module: linked.module, imports: linked.imports }] : [];
      }),
      console: (stream, text, level) => post({ type: 'console', runId, stream, text, ...(level ? { level } : {}) }),
      blocked: (event) => post({ type: 'blocked', runId, ...event }),
      fs: (changes) => post({ type: 'fs', runId, changes }),
    });
  }
  if (request.kind === 'wasi-command' || request.kind === 'wasi-reactor') {
    return runWasi({
      runId,
      func,
      kind: request.kind,
      module: module.module,
      compileMs: module.compileMs,
      imports: module.imports,
      policy: request.imports,
      args: request.args,
      stdin: new Uint8Array(request.input ?? new ArrayBuffer(0)),
      options: request.wasi ?? { argv: ['program'], env: [], mounts: [], watchUnmounted: true },
      console: (stream, text) => post({ type: 'console', runId, stream, text }),
      blocked: (event) => post({ type: 'blocked', runId, ...event }),
      fs: (changes) => post({ type: 'fs', runId, changes }),
    });
  }
  if (request.kind !== 'core') {
    return { type: 'error', runId, timings: {}, error: { code: 'unsupported', func, message: unsupportedKind(request.kind) } };
  }
  return runCore({
    runId,
    func,
    module: module.module,
    compileMs: module.compileMs,
    imports: module.imports,
    policy: request.imports,
    args: request.args,
    repeat: request.repeat,
    log: (text) => post({ type: 'console', runId, stream: 'stub', text }),
  });
}

post({ type: 'ready' });

function transferables(event: SandboxEvent): Transferable[] {
  if (event.type !== 'result' && event.type !== 'error') return [];
  return [event.output, event.stderr].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
}
