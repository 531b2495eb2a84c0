/** Walking the top-level sections of a core module or component: sizes checked, custom sections read. */
import type { SectionInfo } from './types';
import { ByteReader, WasmParseError } from './reader';
import { readCustomSection } from './customSections';

/** What every binary's section list yields, whatever its layer. */
export interface SectionWalk {
  sections: SectionInfo[];
  customSections: string[];
  producers: string[];
  moduleName?: string;
}

/**
 * Called for each non-custom section with a reader bounded to its payload. It must consume the
 * payload exactly (call `r.skip(r.remaining)` for sections it doesn't decode).
 */
export type SectionVisitor = (id: number, r: ByteReader, info: SectionInfo) => void;

const HEADER_SIZE = 8;

/** Human name of section `id` from a table of known names. */
export function sectionName(names: readonly string[], id: number): string {
  return names[id] ?? `unknown (id ${id})`;
}

/** Walk the sections after the 8-byte header of `buf`, visiting each and checking its declared size. */
export function walkSections(buf: Uint8Array, names: readonly string[], visit: SectionVisitor): SectionWalk {
  const top = new ByteReader(buf, HEADER_SIZE);
  const walk: SectionWalk = { sections: [], customSections: [], producers: [] };
  while (!top.atEnd()) {
    const offset = top.pos;
    const id = top.u8();
    const size = top.u32();
    const start = top.pos;
    const name = sectionName(names, id);
    if (size > top.remaining) {
      throw new WasmParseError(
        `section ${name} at offset ${offset} claims ${size} bytes but only ${top.remaining} remain (truncated file?)`,
        offset,
      );
    }
    const end = start + size;
    top.pos = end;
    if (id === 0) {
      walk.sections.push(readCustom(buf, start, end, offset, walk));
      continue;
    }
    const info: SectionInfo = { id, name, offset, size };
    walk.sections.push(info);
    const r = new ByteReader(buf, start, end, `section ${name} at offset ${offset} (${size} bytes)`);
    visit(id, r, info);
    if (!r.atEnd()) {
      throw new WasmParseError(
        `section ${name} at offset ${offset} declares ${size} bytes but its content ends after ${r.pos - start}`,
        r.pos,
      );
    }
  }
  return walk;
}

function readCustom(buf: Uint8Array, start: number, end: number, offset: number, walk: SectionWalk): SectionInfo {
  const custom = readCustomSection(buf, start, end);
  const label = custom.name ?? '<unreadable>';
  walk.customSections.push(label);
  if (custom.producers) walk.producers.push(...custom.producers);
  if (custom.moduleName !== undefined && walk.moduleName === undefined) walk.moduleName = custom.moduleName;
  return { id: 0, name: `custom: ${label}`, offset, size: end - start };
}
