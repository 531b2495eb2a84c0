/**
 * Stand-ins for modules other branches are building at the same time. Everything in src/ui that
 * needs them imports from this file only; when the real modules land the lead repoints the imports
 * and deletes this file. Each stand-in is small but works, so the UI can be used and tested now.
 */
import type { WitValue } from '../../model/values';
import type { ComponentAnalysis, ModuleAnalysis } from '../../wasm/types';
import type { WitFunction, WitInterface, WitType, WitWorld, WitWorldItem } from '../../wasm/wit/types';

// stand-in until src/runners/component/values/ lands: the lead repoints these imports
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// stand-in until src/wasm/types.ts (ComponentAnalysis.world/worldError) lands: the lead repoints these imports
export type ComponentAnalysisWithWorld = ComponentAnalysis & { world?: WitWorld | null; worldError?: string };

/** The decoded world of a component and why it is missing, if it is. */
export function worldOf(analysis: ModuleAnalysis): { world: WitWorld | null; error: string | null } {
  if (analysis.format !== 'component') return { world: null, error: null };
  const a: ComponentAnalysisWithWorld = analysis;
  return { world: a.world ?? null, error: a.worldError ?? null };
}

// stand-in until src/wasm/wit/format.ts lands: the lead repoints these imports
export function formatType(t: WitType): string {
  if (t.name) return t.name;
  switch (t.kind) {
    case 'list':
      return t.length === undefined ? `list<${formatType(t.element)}>` : `list<${formatType(t.element)}, ${t.length}>`;
    case 'tuple':
      return `tuple<${t.types.map(formatType).join(', ')}>`;
    case 'option':
      return `option<${formatType(t.type)}>`;
    case 'result':
      if (!t.ok && !t.err) return 'result';
      if (!t.err) return `result<${t.ok ? formatType(t.ok) : '_'}>`;
      return `result<${t.ok ? formatType(t.ok) : '_'}, ${formatType(t.err)}>`;
    case 'own':
      return t.resource.name;
    case 'borrow':
      return `borrow<${t.resource.name}>`;
    case 'resource':
      return t.resource.name;
    case 'stream':
    case 'future':
      return t.type ? `${t.kind}<${formatType(t.type)}>` : t.kind;
    case 'record':
      return `record { ${t.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join(', ')} }`;
    case 'variant':
      return `variant { ${t.cases.map((c) => (c.type ? `${c.name}(${formatType(c.type)})` : c.name)).join(', ')} }`;
    case 'enum':
      return `enum { ${t.cases.join(', ')} }`;
    case 'flags':
      return `flags { ${t.flags.join(', ')} }`;
    default:
      return t.kind;
  }
}

// stand-in until src/wasm/wit/format.ts lands: the lead repoints these imports
export function formatSignature(fn: WitFunction): string {
  const params = fn.params.map((p) => `${p.name}: ${formatType(p.type)}`).join(', ');
  return `(${params})${fn.result ? ` -> ${formatType(fn.result)}` : ''}`;
}

// stand-in until src/wasm/wit/printWit.ts lands: the lead repoints these imports
export function printWit(world: WitWorld): string {
  const lines: string[] = [];
  const byPackage = new Map<string, WitInterface[]>();
  const ifaces = (items: WitWorldItem[]) => items.flatMap((i) => (i.kind === 'interface' ? [i.iface] : []));
  for (const iface of [...ifaces(world.imports), ...ifaces(world.exports)]) {
    const p = iface.package ? `${iface.package.namespace}:${iface.package.name}${iface.package.version ? `@${iface.package.version}` : ''}` : '';
    const list = byPackage.get(p) ?? [];
    if (!list.some((i) => i.name === iface.name)) list.push(iface);
    byPackage.set(p, list);
  }
  for (const [pkg, list] of byPackage) {
    if (pkg) lines.push(`package ${pkg} {`);
    for (const iface of list) {
      lines.push(`  interface ${iface.shortName} {`);
      for (const t of iface.types) lines.push(`    type ${t.name} = ${formatType({ ...t.type, name: undefined } as WitType)};`);
      for (const fn of iface.functions) lines.push(`    ${fn.resource ? `// ${fn.resource}.` : ''}${fn.name}: func${formatSignature(fn)};`);
      lines.push('  }');
    }
    if (pkg) lines.push('}', '');
  }
  lines.push('world root {');
  const item = (dir: string, i: WitWorldItem) =>
    i.kind === 'interface' ? `  ${dir} ${i.iface.name};` : i.kind === 'function' ? `  ${dir} ${i.fn.name}: func${formatSignature(i.fn)};` : `  type ${i.name} = ${formatType(i.type)};`;
  for (const i of world.imports) lines.push(item('import', i));
  for (const i of world.exports) lines.push(item('export', i));
  lines.push('}');
  return lines.join('\n');
}

export type FromJsonResult = { ok: true; value: WitValue } | { ok: false; error: string };

// stand-in until src/runners/component/values/ lands: the lead repoints these imports
export function fromJson(type: WitType, json: unknown, path: string): FromJsonResult {
  const fail = (what: string): FromJsonResult => ({ ok: false, error: `${path}: expected ${what}, got ${JSON.stringify(json) ?? String(json)}` });
  switch (type.kind) {
    case 'bool':
      return typeof json === 'boolean' ? { ok: true, value: json } : fail('bool');
    case 'string':
    case 'char':
      return typeof json === 'string' ? { ok: true, value: json } : fail(type.kind);
    case 'u8': case 'u16': case 'u32': case 's8': case 's16': case 's32': case 'f32': case 'f64':
      return typeof json === 'number' ? { ok: true, value: json } : fail(type.kind);
    case 'u64': case 's64':
      return typeof json === 'string' && /^-?\d+$/.test(json) ? { ok: true, value: BigInt(json) } : fail(`${type.kind} as a decimal string`);
    case 'enum':
      return typeof json === 'string' && type.cases.includes(json) ? { ok: true, value: json } : fail(`one of ${type.cases.join(', ')}`);
    case 'flags':
      return Array.isArray(json) && json.every((f) => typeof f === 'string' && type.flags.includes(f)) ? { ok: true, value: json as string[] } : fail('an array of flag names');
    case 'option':
      return json === null ? { ok: true, value: null } : fromJson(type.type, json, path);
    case 'list': {
      if (!Array.isArray(json)) return fail('an array');
      const out: WitValue[] = [];
      for (let i = 0; i < json.length; i++) {
        const r = fromJson(type.element, json[i], `${path}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
    case 'tuple': {
      if (!Array.isArray(json) || json.length !== type.types.length) return fail(`an array of ${type.types.length}`);
      const out: WitValue[] = [];
      for (let i = 0; i < json.length; i++) {
        const r = fromJson(type.types[i]!, json[i], `${path}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
    case 'record': {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('an object');
      const obj = json as Record<string, unknown>;
      const out: Record<string, WitValue> = {};
      for (const f of type.fields) {
        const r = fromJson(f.type, obj[f.name], `${path}.${f.name}`);
        if (!r.ok) return r;
        out[f.name] = r.value;
      }
      return { ok: true, value: out };
    }
    case 'variant':
    case 'result': {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('{ "tag": …, "val": … }');
      const { tag, val } = json as { tag?: unknown; val?: unknown };
      const cases = type.kind === 'variant' ? type.cases : [{ name: 'ok', type: type.ok }, { name: 'err', type: type.err }];
      const c = cases.find((x) => x.name === tag);
      if (!c) return { ok: false, error: `${path}.tag: expected one of ${cases.map((x) => x.name).join(', ')}, got ${JSON.stringify(tag) ?? 'nothing'}` };
      if (!c.type) return { ok: true, value: { tag: c.name } };
      const r = fromJson(c.type, val, `${path}.val`);
      return r.ok ? { ok: true, value: { tag: c.name, val: r.value } } : r;
    }
    default:
      return { ok: false, error: `${path}: ${type.kind} values can't be given as JSON` };
  }
}

// stand-in until src/runners/component/values/ lands: the lead repoints these imports
export function template(type: WitType): JsonValue {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'char':
      return 'a';
    case 'u64':
    case 's64':
      return '0';
    case 'enum':
      return type.cases[0] ?? '';
    case 'flags':
    case 'list':
      return [];
    case 'option':
      return null;
    case 'tuple':
      return type.types.map(template);
    case 'record':
      return Object.fromEntries(type.fields.map((f) => [f.name, template(f.type)]));
    case 'variant': {
      const c = type.cases[0];
      return c ? (c.type ? { tag: c.name, val: template(c.type) } : { tag: c.name }) : null;
    }
    case 'result':
      return type.ok ? { tag: 'ok', val: template(type.ok) } : { tag: 'ok' };
    default:
      return 0;
  }
}

// stand-in until src/runners/component/values/ lands: the lead repoints these imports
export function fromBytesInput(kind: 'text' | 'hex' | 'base64', text: string): { ok: true; value: Uint8Array } | { ok: false; error: string } {
  if (kind === 'text') return { ok: true, value: new TextEncoder().encode(text) };
  if (kind === 'hex') {
    const clean = text.replace(/\s+/g, '').replace(/^0x/i, '');
    if (!/^([0-9a-f]{2})*$/i.test(clean)) return { ok: false, error: 'hex: expected pairs of hex digits (0-9, a-f)' };
    return { ok: true, value: Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16)) };
  }
  try {
    return { ok: true, value: Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0)) };
  } catch {
    return { ok: false, error: 'base64: not valid base64' };
  }
}
