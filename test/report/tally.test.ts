// Totals stay exact past 2^53 (8 PiB), where adding JavaScript numbers starts dropping bytes.
import { byteCount, Total, wholeBytes } from '../../src/report/tally';

/** Sizes of up to 15 digits (the summary's fast path) that sum far past 2^53, in an order-sensitive way. */
const SIZES = Array.from({ length: 64 }, (_, i) => 987_654_321_098_765 + 7 * i);
const EXACT = SIZES.reduce((sum, s) => sum + BigInt(s), 0n);

test('a total past 2^53 is exact, and its JSON is the decimal string', () => {
  const total = new Total();
  for (const size of SIZES) total.add(size);
  expect(total.bytes).toBe(EXACT);
  expect(total.toJSON()).toEqual({ count: 64, bytes: EXACT.toString() });
  // What a number sum gives: wrong (the reason for Total).
  expect(BigInt(SIZES.reduce((sum, s) => sum + s, 0))).not.toBe(EXACT);
});

test('the same total whatever the split and merge order (as workers merge)', () => {
  for (const split of [1, 5, 17, 63]) {
    const parts = [new Total(), new Total()];
    SIZES.forEach((size, i) => parts[i < split ? 0 : 1].add(size));
    const merged = new Total();
    for (const part of parts.reverse()) merged.merge(part.count, part.bytes);
    expect(merged.toJSON()).toEqual({ count: 64, bytes: EXACT.toString() });
  }
});

test('JSON: a number up to Number.MAX_SAFE_INTEGER, a string above; single sizes above 2^52 too', () => {
  expect(byteCount(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  expect(byteCount(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toBe('9007199254740992');
  const total = new Total();
  total.add(2 ** 52 + 1);
  total.add(Number.MAX_SAFE_INTEGER);
  total.add(3);
  expect(total.bytes).toBe(2n ** 52n + 1n + BigInt(Number.MAX_SAFE_INTEGER) + 3n);
});

test('sizes summed are whole numbers of bytes; anything else counts 0', () => {
  expect([12, 0, -5, 3.5, NaN, Infinity, 2 ** 53].map(wholeBytes)).toEqual([12, 0, 0, 0, 0, 0, 0]);
});
