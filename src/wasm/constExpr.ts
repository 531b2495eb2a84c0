/** Skipping constant expressions (global and table initialisers) up to their `end` opcode. */
import { WasmParseError, type ByteReader } from './reader';
import { readHeapType } from './valtypes';

const END = 0x0b;
const GC_PREFIX = 0xfb;
const SIMD_PREFIX = 0xfd;
const V128_CONST = 0x0c;

// Extended-const proposal: integer add/sub/mul are constant.
const NO_IMMEDIATE = new Set([0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e]);

// GC proposal ops allowed in constant expressions, by sub-opcode: how many u32 immediates follow.
const GC_IMMEDIATES: Record<number, number> = {
  0: 1, // struct.new
  1: 1, // struct.new_default
  6: 1, // array.new
  7: 1, // array.new_default
  8: 2, // array.new_fixed
  26: 0, // any.convert_extern
  27: 0, // extern.convert_any
  28: 0, // ref.i31
};

/**
 * Skip one constant expression. We don't evaluate or type-check it (the engine does); we only
 * need to know where it ends, and an opcode we can't size is an error rather than a guess.
 */
export function skipConstExpr(r: ByteReader): void {
  for (;;) {
    const at = r.pos;
    const op = r.u8();
    switch (op) {
      case END:
        return;
      case 0x41: // i32.const
        r.s32();
        break;
      case 0x42: // i64.const
        r.s64();
        break;
      case 0x43: // f32.const
        r.skip(4);
        break;
      case 0x44: // f64.const
        r.skip(8);
        break;
      case 0x23: // global.get
      case 0xd2: // ref.func
        r.u32();
        break;
      case 0xd0: // ref.null
        readHeapType(r);
        break;
      case SIMD_PREFIX: {
        const sub = r.u32();
        if (sub !== V128_CONST) throw unknown(`0xfd ${sub}`, at);
        r.skip(16);
        break;
      }
      case GC_PREFIX: {
        const sub = r.u32();
        const immediates = GC_IMMEDIATES[sub];
        if (immediates === undefined) throw unknown(`0xfb ${sub}`, at);
        for (let i = 0; i < immediates; i++) r.u32();
        break;
      }
      default:
        if (!NO_IMMEDIATE.has(op)) throw unknown(`0x${op.toString(16).padStart(2, '0')}`, at);
    }
  }
}

function unknown(op: string, at: number): WasmParseError {
  return new WasmParseError(`unsupported opcode ${op} in a constant expression`, at);
}
