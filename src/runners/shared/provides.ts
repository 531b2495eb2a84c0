/** What the WASI, Extism and waPC hosts provide, by import module and name (page and worker halves alike). */
import { KERNEL_FUNCS } from '../../host/extism/abi';
import { WAPC_HOST_FUNCS } from '../../host/wapc/host';
import { WASI_P1_FUNCTIONS } from '../../host/wasi/functions';
import { EXTISM_MODULE, WAPC_MODULE, WASI_P1_MODULES } from '../../wasm/detect';
import type { ProvidedImports } from './imports';

/** WASI preview 1, under both of its module names. */
export const WASI_P1_PROVIDES: ProvidedImports = Object.fromEntries(WASI_P1_MODULES.map((m) => [m, WASI_P1_FUNCTIONS]));

/** The Extism kernel and WASI preview 1. */
export const EXTISM_PROVIDES: ProvidedImports = { [EXTISM_MODULE]: Object.keys(KERNEL_FUNCS), ...WASI_P1_PROVIDES };

/** The waPC host functions and WASI preview 1. */
export const WAPC_PROVIDES: ProvidedImports = { [WAPC_MODULE]: WAPC_HOST_FUNCS, ...WASI_P1_PROVIDES };
