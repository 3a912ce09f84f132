// Object counts and byte totals, exact at any size. A report of many petabytes sums past 2^53, where a JavaScript
// number starts dropping bytes (and drops different ones depending on the order of the additions, so the totals
// would even change with the number of workers). Adding a bigint per row would cost the summary its speed, so a
// total is a number kept below 2^52 (any size below 2^52 added to it stays exact) and a bigint the number spills
// into when it gets there: one comparison per row, one bigint addition per 4 PiB.

/**
 * A byte total as JSON carries it: a number while that is exact (up to `Number.MAX_SAFE_INTEGER`, 8 PiB), above that
 * its decimal digits as a string, so every JSON reader gets the exact value (`BigInt(x)`, Python's `int(x)` take both).
 */
export type ByteCount = number | string;

/** A count of objects and their bytes, as the JSON of a summary or diff gives it. */
export interface Tally {
  readonly count: number;
  readonly bytes: ByteCount;
}

/** Where the number part spills into the bigint part: below it, adding anything below it stays exact. */
const SPILL_AT = 2 ** 52;

/** `bytes` as JSON carries it (ByteCount). */
export function byteCount(bytes: bigint): ByteCount {
  return bytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(bytes) : bytes.toString();
}

/** A running count and byte total, exact at any size; sizes are whole numbers of bytes. */
export class Total {
  count = 0;
  private low = 0;
  private high = 0n;

  /** One more object of `size` bytes. */
  add(size: number): void {
    this.count++;
    this.addBytes(size);
  }

  /** `size` more bytes, no more objects. */
  addBytes(size: number): void {
    const sum = this.low + size;
    if (sum < SPILL_AT) this.low = sum;
    else this.spill(size);
  }

  /** Another total's count and bytes. */
  merge(count: number, bytes: bigint): void {
    this.count += count;
    this.high += bytes;
  }

  get bytes(): bigint {
    return this.high + BigInt(this.low);
  }

  toJSON(): Tally {
    return { count: this.count, bytes: byteCount(this.bytes) };
  }

  private spill(size: number): void {
    this.high += BigInt(this.low) + BigInt(size);
    this.low = 0;
  }
}

/** A size as summed: a whole number of bytes up to 2^53 - 1, else (empty, negative, fractional, not a number) 0. */
export function wholeBytes(size: number): number {
  return Number.isSafeInteger(size) && size > 0 ? size : 0;
}

/** `wholeBytes(+text)` of the bytes `b[from .. to)`: digits are read directly, anything else (sign, exponent, blanks) decoded. */
export function wholeBytesOf(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len > 0 && len <= 15) {
    let v = 0;
    let i = from;
    for (; i < to; i++) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === to) return v;
  } else if (len === 0) return 0;
  return wholeBytes(+Buffer.from(b.buffer, b.byteOffset + from, len).toString('utf8'));
}
