/** The type section: function types, plus GC rec groups, subtypes, structs and arrays as placeholders. */
import type { FuncType, ValType } from './types';
import { WasmParseError, type ByteReader } from './reader';
import { readMutability, readStorageType, readValType } from './valtypes';

/** One entry of the type index space; `null` for a non-function (struct, array, continuation) type. */
export type TypeEntry = FuncType | null;

const REC = 0x4e;
const SUB = 0x50;
const SUB_FINAL = 0x4f;
const SHARED = 0x65;
const FUNC = 0x60;
const STRUCT = 0x5f;
const ARRAY = 0x5e;
const CONT = 0x5d;

/** Read the type section's payload, appending one entry per defined type (rec groups flattened). */
export function readTypeSection(r: ByteReader, types: TypeEntry[]): void {
  const n = r.count('types');
  for (let i = 0; i < n; i++) {
    if (r.buf[r.pos] === REC) {
      r.pos++;
      const members = r.count('rec group members');
      for (let j = 0; j < members; j++) types.push(readSubType(r));
    } else {
      types.push(readSubType(r));
    }
  }
}

function readSubType(r: ByteReader): TypeEntry {
  const form = r.buf[r.pos];
  if (form === SUB || form === SUB_FINAL) {
    r.pos++;
    const supers = r.count('supertypes');
    for (let i = 0; i < supers; i++) r.u32();
  }
  return readCompositeType(r);
}

function readCompositeType(r: ByteReader): TypeEntry {
  const at = r.pos;
  let form = r.u8();
  // Shared-everything-threads proposal: `shared` prefixes the composite type.
  if (form === SHARED) form = r.u8();
  switch (form) {
    case FUNC:
      return { params: readValTypes(r, 'parameters'), results: readValTypes(r, 'results') };
    case STRUCT: {
      const fields = r.count('struct fields');
      for (let i = 0; i < fields; i++) readFieldType(r);
      return null;
    }
    case ARRAY:
      readFieldType(r);
      return null;
    case CONT:
      r.u32();
      return null;
    default:
      throw new WasmParseError(`unknown type form 0x${form.toString(16).padStart(2, '0')} in type section`, at);
  }
}

function readFieldType(r: ByteReader): void {
  readStorageType(r);
  readMutability(r);
}

function readValTypes(r: ByteReader, what: string): ValType[] {
  const n = r.count(what);
  const out: ValType[] = [];
  for (let i = 0; i < n; i++) out.push(readValType(r));
  return out;
}
