/**
 * "Generate check file": a check file the module passes, as Modsurfer's `generate`
 * (`cli/src/cmd/generate.rs`) writes it: allow_wasi when WASI is imported, every import (with
 * namespace and types) included, every namespace included, every export included, exports.max
 * = their count, size.max = the size. Two differences: size.max is rounded up (Modsurfer rounds to
 * the nearest 0.1 unit, which can fail its own module), and complexity is left out, with a comment,
 * because it is not measured here.
 */
import { stringify } from 'yaml';
import { valTypeName } from './check';
import type { CheckedModule } from './types';

export function generateCheckFile(module: CheckedModule): string {
  const namespaces = [...new Set(module.imports.map((i) => i.module))];
  const validate: Record<string, unknown> = {};
  if (namespaces.includes('wasi_snapshot_preview1')) validate.allow_wasi = true;
  const imports: Record<string, unknown> = {
    include: module.imports.map((i) => ({ namespace: i.module, name: i.name, params: i.type.params.map(valTypeName), results: i.type.results.map(valTypeName) })),
  };
  if (namespaces.length) imports.namespace = { include: namespaces };
  validate.imports = imports;
  validate.exports = {
    include: module.exports.map((e) => ({ name: e.name, params: e.type.params.map(valTypeName), results: e.type.results.map(valTypeName) })),
    max: module.exports.length,
  };
  validate.size = { max: sizeAtLeast(module.size) };
  const header = [
    '# For more information about other checkfile options, see the documentation at https://dev.dylib.so/docs/modsurfer/cli#checkfile',
    '# complexity.max_risk is left out: complexity is not measured by this app.',
  ].join('\n');
  return `${header}\n${stringify({ validate }, { indentSeq: false })}`;
}

/** The size in Modsurfer's human units, rounded up to 0.1 of a unit so the module passes. */
function sizeAtLeast(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let unit = 0;
  while (bytes >= 1024 ** (unit + 1) && unit < units.length - 1) unit++;
  if (unit === 0) return `${bytes} B`;
  const value = Math.ceil((bytes / 1024 ** unit) * 10) / 10;
  return `${value} ${units[unit]}`;
}
