import { describe, expect, it } from 'vitest';
import type { ExportEntry, ImportEntry, ModuleKind } from '../wasm/types';
import { detectKind, kindLabel, runAsChoices, runnerFor } from './registry';

const fn = (module: string, name: string): ImportEntry => ({ module, name, desc: { kind: 'func', typeIndex: 0, type: { params: [], results: [] } } });
const ex = (name: string): ExportEntry => ({ name, index: 0, desc: { kind: 'func', typeIndex: 0, type: { params: [], results: [] } } });

describe('detectKind', () => {
  it('tells apart core, WASI command, WASI reactor and Extism', () => {
    expect(detectKind([], [ex('add')])).toBe('core');
    expect(detectKind([fn('env', 'log')], [ex('_start')])).toBe('core');
    expect(detectKind([fn('wasi_snapshot_preview1', 'fd_write')], [ex('_start')])).toBe('wasi-command');
    expect(detectKind([fn('wasi_unstable', 'fd_write')], [ex('_start')])).toBe('wasi-command');
    expect(detectKind([fn('wasi_snapshot_preview1', 'fd_write')], [ex('_initialize'), ex('f')])).toBe('wasi-reactor');
    expect(detectKind([fn('wasi_snapshot_preview1', 'fd_write')], [ex('f')])).toBe('wasi-reactor');
    expect(detectKind([fn('wasi_snapshot_preview1', 'fd_write'), fn('extism:host/env', 'output_set')], [ex('_start')])).toBe('extism');
  });

  it('knows a waPC guest by its wapc imports and __guest_call export, WASI or not', () => {
    const wapc = [fn('wapc', '__guest_request'), fn('wapc', '__guest_response'), fn('wapc', '__guest_error')];
    expect(detectKind(wapc, [ex('__guest_call'), ex('wapc_init')])).toBe('wapc');
    expect(detectKind([...wapc, fn('wasi_snapshot_preview1', 'fd_write')], [ex('_start'), ex('__guest_call')])).toBe('wapc');
    // Half a guest is not one: the imports without the export, or the export without the imports.
    expect(detectKind(wapc, [ex('run')])).toBe('core');
    expect(detectKind([fn('env', 'log')], [ex('__guest_call')])).toBe('core');
  });
});

describe('the registry', () => {
  it('labels every kind', () => {
    const kinds: ModuleKind[] = ['core', 'wasi-command', 'wasi-reactor', 'extism', 'wapc', 'component'];
    expect(Object.fromEntries(kinds.map((k) => [k, kindLabel(k)]))).toEqual({
      core: 'Core module',
      'wasi-command': 'WASI p1 command',
      'wasi-reactor': 'WASI p1 reactor',
      extism: 'Extism plugin',
      wapc: 'waPC guest',
      component: 'Component',
    });
    for (const k of kinds) expect(runnerFor(k).kind).toBe(k);
  });

  it('offers every runnable kind in "Run as", components not', () => {
    expect(runAsChoices().map((r) => r.kind).sort()).toEqual(['core', 'extism', 'wapc', 'wasi-command', 'wasi-reactor']);
  });

  it('says which import modules each runner provides', () => {
    expect(runnerFor('core').provides).toEqual({});
    expect(Object.keys(runnerFor('wasi-reactor').provides)).toEqual(['wasi_snapshot_preview1', 'wasi_unstable']);
    expect(runnerFor('wasi-reactor').provides.wasi_unstable).toContain('fd_write');
    expect(runnerFor('extism').provides['extism:host/env']).toContain('output_set');
    expect(runnerFor('extism').provides.wasi_snapshot_preview1).toContain('path_open');
    expect(runnerFor('wapc').provides.wapc).toEqual(expect.arrayContaining(['__guest_request', '__host_call', '__host_error_len', '__console_log']));
    expect(runnerFor('wapc').provides.wasi_snapshot_preview1).toContain('fd_write');
  });
});
