/**
 * waPC guests (DESIGN.md §3): an operation name and a payload in through `__guest_call`, the
 * guest's response bytes out; host calls answered from the user's host responses.
 */
import { sniffMime } from '../../output/sniff';
import type { RunError } from '../../model/errors';
import type { HostResponse } from '../../model/wapc';
import { WAPC_MODULE, WASI_P1_MODULES } from '../../wasm/detect';
import type { ModuleAnalysis } from '../../wasm/types';
import { WAPC_PROVIDES } from '../shared/provides';
import { importsWasi, wasiSettings } from '../shared/wasiSettings';
import type { Callable, Runner } from '../types';

/** The export every waPC guest has; the Function picker lists it, the Operation field says what it runs. */
export const GUEST_CALL = '__guest_call';

function callables(analysis: ModuleAnalysis): Callable[] {
  if (analysis.format !== 'core' || !analysis.exports.some((e) => e.name === GUEST_CALL && e.desc.kind === 'func')) return [];
  // Operations are registered at run time (in wapc_init): there is nothing else to list.
  return [{ name: GUEST_CALL, label: `${GUEST_CALL} (the Operation below)`, signature: '', params: null }];
}

/** Why a host responses row can't be used (API callers may send anything), or null. */
export function badHostResponse(row: HostResponse, i: number): string | null {
  const at = `hostResponses[${i}]`;
  for (const key of ['binding', 'namespace', 'operation'] as const) {
    if (typeof row[key] !== 'string') return `${at}.${key} must be a string ("" for an empty one, "*" for any).`;
  }
  if ('error' in row && typeof row.error !== 'string') return `${at}.error must be a string: the message the guest's __host_error reads.`;
  if (!('error' in row) && !(row.response instanceof Uint8Array)) return `${at} needs a response (text or bytes) or an error (text).`;
  return null;
}

export const wapcRunner: Runner<'wapc'> = {
  kind: 'wapc',
  label: 'waPC guest',
  runAs: true,
  detect: (imports, exports) => imports.some((i) => i.module === WAPC_MODULE) && exports.some((e) => e.name === GUEST_CALL && e.desc.kind === 'func'),
  provides: WAPC_PROVIDES,
  uses: { args: false, input: true, wasi: false, plugin: false, operation: true },
  callables,
  defaultFunc: (analysis) => callables(analysis)[0]?.name ?? null,
  async build(spec, module, services) {
    const { analysis } = module;
    const func = spec.func;
    if (analysis.format !== 'core' || !analysis.exports.some((e) => e.name === GUEST_CALL && e.desc.kind === 'func')) {
      return { code: 'no-export', func, message: `This module exports no ${GUEST_CALL} function, so it is not a waPC guest: pick another kind in "Run as".` };
    }
    if (func === '' || func === GUEST_CALL) {
      return { code: 'bad-args', func, message: `Name the waPC operation to run (in the Operation field, or as func in the API), e.g. "echo": ${GUEST_CALL} itself is how every operation is sent.` };
    }
    const bad = spec.hostResponses.map(badHostResponse).find((m) => m !== null);
    if (bad) return { code: 'bad-args', func, message: bad } satisfies RunError;
    const mounts = importsWasi(analysis.imports, WASI_P1_MODULES) ? await services.snapshot(spec.mounts) : [];
    return {
      moduleId: module.id,
      mounts,
      message: {
        kind: 'wapc',
        func,
        imports: spec.imports,
        ...(spec.input.length ? { payload: spec.input.slice().buffer } : {}),
        hostResponses: spec.hostResponses,
        grants: { hosts: spec.hosts },
        freshInstance: spec.freshInstance,
        wasi: wasiSettings(spec, module.name, mounts),
      },
    };
  },
  result(outcome, spec) {
    const bytes = outcome.output ? new Uint8Array(outcome.output) : undefined;
    return {
      ...(outcome.stderr ? { stderr: new Uint8Array(outcome.stderr) } : {}),
      // The worker has told MessagePack apart (its decoder stays out of the page's first load).
      ...(bytes ? { output: { bytes, mime: spec.outputMime ?? outcome.outputMime ?? sniffMime(bytes) } } : {}),
    };
  },
};
