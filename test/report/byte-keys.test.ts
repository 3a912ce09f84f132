// ByteKeys: byte strings numbered in the order first added, found again by their bytes.
import { ByteKeys, fnv1a, fnv1aBytes } from '../../src/report/byte-keys';

const bytes = (text: string) => Buffer.from(text, 'utf8');

test('numbers in the order added, found again after the table grows many times; the empty string too', () => {
  const keys = new ByteKeys();
  const texts = ['', ...Array.from({ length: 5000 }, (_, i) => `key ${i} ☃`)];
  texts.forEach((text, i) => expect(keys.numberOf(bytes(text), 0, bytes(text).length)).toBe(i));
  expect(keys.size).toBe(texts.length);
  // Found within a larger buffer, at an offset.
  const inside = bytes(`xx${texts[4321]}yy`);
  expect(keys.find(inside, 2, inside.length - 2, fnv1aBytes(inside, 2, inside.length - 2))).toBe(4321);
  expect(keys.find(bytes('key 5000 ☃'), 0, bytes('key 5000 ☃').length, fnv1aBytes(bytes('key 5000 ☃'), 0, bytes('key 5000 ☃').length))).toBe(-1);
  expect(keys.text(4321)).toBe(texts[4321]);
  expect(keys.text(0)).toBe('');
  keys.clear();
  expect(keys.size).toBe(0);
  expect(keys.numberOf(bytes('key 7 ☃'), 0, bytes('key 7 ☃').length)).toBe(0);
  expect(keys.numberOf(bytes(''), 0, 0)).toBe(1);
});

test('fnv1aBytes of ASCII is fnv1a of the same text, as a signed 32-bit integer', () => {
  for (const text of ['', 'a', 'logs%2Fapp-1%2Fpart+1.log.gz\nv1']) {
    const h = fnv1aBytes(bytes(text), 0, text.length);
    expect(h).toBe(h | 0);
    expect(h >>> 0).toBe(fnv1a(text));
  }
});
