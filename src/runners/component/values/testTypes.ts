/** WIT types for the value tests. */
import type { WitPrimitive, WitType } from '../../../wasm/wit/types';

export const prim = (kind: WitPrimitive): WitType => ({ kind });
export const list = (element: WitType, length?: number): WitType => (length === undefined ? { kind: 'list', element } : { kind: 'list', element, length });
export const option = (type: WitType): WitType => ({ kind: 'option', type });
export const tuple = (...types: WitType[]): WitType => ({ kind: 'tuple', types });
export const result = (ok: WitType | null, err: WitType | null): WitType => ({ kind: 'result', ok, err });
export const own = (name: string): WitType => ({ kind: 'own', resource: { iface: 'test:vals/api@0.1.0', name } });
export const borrow = (name: string): WitType => ({ kind: 'borrow', resource: { iface: 'test:vals/api@0.1.0', name } });

export const point: WitType = {
  name: 'point',
  kind: 'record',
  fields: [
    { name: 'x-coord', type: prim('s32') },
    { name: 'y', type: prim('f64') },
  ],
};
export const shape: WitType = {
  name: 'shape',
  kind: 'variant',
  cases: [
    { name: 'circle', type: prim('u32') },
    { name: 'square', type: prim('u64') },
    { name: 'none', type: null },
  ],
};
export const perms: WitType = { name: 'perms', kind: 'flags', flags: ['read', 'write-it', 'HTTP-access'] };
export const color: WitType = { name: 'color', kind: 'enum', cases: ['red', 'dark-green'] };
export const item: WitType = {
  name: 'item',
  kind: 'record',
  fields: [
    { name: 'name', type: prim('string') },
    { name: 'tags', type: list(prim('string')) },
  ],
};
export const order: WitType = { name: 'order', kind: 'record', fields: [{ name: 'items', type: list(item) }] };
