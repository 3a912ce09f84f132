// Byte strings numbered in the order they are first added, with no string made of any: the hot loops look rows'
// fields up by their bytes (the summary's groups: a few distinct values; diff's identities and ETags: one per
// object). Open addressing on the FNV-1a hash of the bytes, which are kept in one arena; memory follows the bytes
// numbered.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32 bits, as a signed integer: what an Int32Array holds) of `b[from .. to)`. */
export function fnv1aBytes(b: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
  return h;
}

/** FNV-1a of the UTF-16 code units of `s` (the same as of its bytes when it is ASCII), as an unsigned integer. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export class ByteKeys {
  private arena = new Uint8Array(1024);
  private used = 0;
  /** Pairs (number, hash) by hash modulo the table's size; number -1 for a free slot. */
  private slots = new Int32Array(2 * 64).fill(-1);
  /** Pairs (offset in the arena, length) by number. */
  private spans = new Int32Array(2 * 64);
  private count = 0;

  /** How many byte strings have a number: the next one added gets this. */
  get size(): number {
    return this.count;
  }

  /** The number of `b[from .. to)`, whose fnv1aBytes is `h`; -1 when it has none. */
  find(b: Uint8Array, from: number, to: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const len = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s];
      if (e < 0) return -1;
      if (slots[2 * s + 1] !== h || this.spans[2 * e + 1] !== len) continue;
      const at = this.spans[2 * e];
      const arena = this.arena;
      let i = 0;
      while (i < len && arena[at + i] === b[from + i]) i++;
      if (i === len) return e;
    }
  }

  /** Numbers `b[from .. to)` (fnv1aBytes `h`), which has no number yet; returns it. */
  add(b: Uint8Array, from: number, to: number, h: number): number {
    const len = to - from;
    if (this.used + len > this.arena.length) this.arena = grown(this.arena, this.used + len, this.used);
    this.arena.set(b.subarray(from, to), this.used);
    const e = this.count++;
    if (2 * this.count > this.spans.length) this.spans = grown(this.spans, 2 * this.count, 2 * e);
    this.spans[2 * e] = this.used;
    this.spans[2 * e + 1] = len;
    this.used += len;
    // At most half the slots taken, so probes stay short.
    if (2 * this.count > this.slots.length >> 1) this.rehash();
    this.place(e, h);
    return e;
  }

  /** The number of `b[from .. to)`, added when it has none. */
  numberOf(b: Uint8Array, from: number, to: number): number {
    const h = fnv1aBytes(b, from, to);
    const e = this.find(b, from, to, h);
    return e >= 0 ? e : this.add(b, from, to, h);
  }

  /** The bytes numbered `e`, as UTF-8 text. */
  text(e: number): string {
    return Buffer.from(this.arena.buffer, this.arena.byteOffset + this.spans[2 * e], this.spans[2 * e + 1]).toString('utf8');
  }

  /** Forgets every number; keeps the memory for the next ones. */
  clear(): void {
    this.used = 0;
    this.count = 0;
    this.slots.fill(-1);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length).fill(-1);
    for (let s = 0; s < old.length; s += 2) if (old[s] >= 0) this.place(old[s], old[s + 1]);
  }

  private place(e: number, h: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    while (slots[2 * s] >= 0) s = (s + 1) & mask;
    slots[2 * s] = e;
    slots[2 * s + 1] = h;
  }
}

/** `a` in an array of at least `size` elements (twice its own at least), its first `keep` copied. */
function grown<T extends Uint8Array | Int32Array>(a: T, size: number, keep: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(2 * a.length, size));
  bigger.set(a.subarray(0, keep));
  return bigger;
}
