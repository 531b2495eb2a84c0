/**
 * Free blocks of kernel memory, for reuse and coalescing: found by start and by end (to merge
 * with neighbours) and by size through bins of intrusive doubly linked lists, so every operation
 * is O(1) apart from a short walk over the bins. (Sets would be simpler, but V8 keeps deleted Set
 * entries as holes that `values().next()` must skip, which turns "take the first" quadratic.)
 */

export interface FreeBlock {
  start: number;
  size: number;
  prev: FreeBlock | null;
  next: FreeBlock | null;
}

/** Sizes below this (multiples of 8) get a bin each: exact fits for the many small blocks PDKs make. */
const SMALL_LIMIT = 512;
const SMALL_BINS = SMALL_LIMIT / 8;
const LOG2_SMALL_LIMIT = 9;
/** Blocks examined in a request's own power-of-two bin before trying larger bins. */
const NEAR_FIT_SCAN = 4;

/** Bin of a block size: exact below SMALL_LIMIT, then one per power of two. */
function binOf(size: number): number {
  if (size < SMALL_LIMIT) return size >>> 3;
  const log2 = size < 2 ** 31 ? 31 - Math.clz32(size) : Math.floor(Math.log2(size));
  return SMALL_BINS + log2 - LOG2_SMALL_LIMIT;
}

export class FreeList {
  private readonly byStart = new Map<number, FreeBlock>();
  private readonly byEnd = new Map<number, FreeBlock>();
  private readonly heads: (FreeBlock | null)[] = [];

  get count(): number {
    return this.byStart.size;
  }

  startingAt(start: number): FreeBlock | undefined {
    return this.byStart.get(start);
  }

  endingAt(end: number): FreeBlock | undefined {
    return this.byEnd.get(end);
  }

  add(start: number, size: number): void {
    const k = binOf(size);
    const head = this.heads[k] ?? null;
    const block: FreeBlock = { start, size, prev: null, next: head };
    if (head) head.prev = block;
    this.heads[k] = block;
    this.byStart.set(start, block);
    this.byEnd.set(start + size, block);
  }

  remove(block: FreeBlock): void {
    if (block.prev) block.prev.next = block.next;
    else this.heads[binOf(block.size)] = block.next;
    if (block.next) block.next.prev = block.prev;
    block.prev = block.next = null;
    this.byStart.delete(block.start);
    this.byEnd.delete(block.start + block.size);
  }

  /** Remove and return a free block of at least `size` bytes, if there is one. */
  take(size: number): FreeBlock | undefined {
    if (this.byStart.size === 0) return undefined;
    const k = binOf(size);
    let found: FreeBlock | null = null;
    if (size < SMALL_LIMIT) {
      found = this.heads[k] ?? null; // every block in a small bin has exactly this size
    } else {
      let seen = 0;
      for (let b = this.heads[k] ?? null; b && seen < NEAR_FIT_SCAN; b = b.next, seen++) {
        if (b.size >= size) {
          found = b;
          break;
        }
      }
    }
    // Any block in a higher bin is large enough.
    for (let i = k + 1; !found && i < this.heads.length; i++) found = this.heads[i] ?? null;
    if (found) this.remove(found);
    return found ?? undefined;
  }

  clear(): void {
    this.byStart.clear();
    this.byEnd.clear();
    this.heads.length = 0;
  }
}
