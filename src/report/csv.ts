// The CSV parser of inventory data files, for every command (RFC 4180: fields optionally quoted with ", a quote
// inside doubled, rows ended by \n or \r\n, blank lines skipped). It parses bytes: no UTF-8 decoding and no string
// per field. Each row is handed on as the chunk it lies in plus the start and end offset of every field (quotes left
// out, a doubled quote already undone in place), so a caller decodes only what it needs: the summary nearly nothing
// (CsvByteParser), records, diff and export every field (CsvParser, the same rows as strings). A row cut by a chunk
// boundary is carried, as bytes, into the next chunk, so a multi-byte character split across chunks needs no care.
// Hand-rolled because it is the hot loop; bench/report.ts measures it against csv-parse, which the tests use as the
// oracle.
import { isAscii } from 'node:buffer';

export class CsvSyntaxError extends Error {
  constructor(message: string, public readonly row: number) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * One row: `buf[start[i] .. end[i])` is field i (i < count), unescaped. The buffer and arrays are reused: valid
 * during the call only.
 */
export type ByteRowCallback = (buf: Buffer, start: Int32Array, end: Int32Array, count: number) => void;

export class CsvByteParser {
  private rest: Buffer | undefined;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  /** Rows passed to the callback so far (blank lines not counted). */
  rows = 0;

  constructor(private readonly onRow: ByteRowCallback) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    let from = 0;
    if (this.rest !== undefined) {
      // The row carried from the last chunk, finished with this chunk's bytes to its first newline: parsed on its own
      // when that completes it (the usual case), so the chunk itself is not copied. Else (a newline inside quotes,
      // a row longer than the chunk) the two are joined.
      const lf = chunk.indexOf(LF);
      if (lf < 0) buf = Buffer.concat([this.rest, chunk]);
      else {
        const head = Buffer.concat([this.rest, chunk.subarray(0, lf + 1)]);
        const done = this.parse(head, 0, false);
        if (done === head.length) from = lf + 1;
        else buf = Buffer.concat([head.subarray(done), chunk.subarray(lf + 1)]);
      }
      this.rest = undefined;
    }
    const consumed = this.parse(buf, from, false);
    // A copy of the incomplete row, not a view: a view would keep the whole chunk.
    if (consumed < buf.length) this.rest = Buffer.from(buf.subarray(consumed));
  }

  end(): void {
    if (this.rest !== undefined) this.parse(this.rest, 0, true);
    this.rest = undefined;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const start = new Int32Array(size);
    start.set(this.starts);
    const end = new Int32Array(size);
    end.set(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.starts = start;
    this.ends = end;
    this.escaped = escaped;
  }

  /** Parses whole rows of `b` from `pos`; returns where the first incomplete one starts (all of `b` when `final`). */
  private parse(b: Buffer, pos: number, final: boolean): number {
    const len = b.length;
    while (pos < len) {
      let n = 0;
      let p = pos;
      let anyEscaped = false;
      for (;;) {
        if (n === this.starts.length) this.grow();
        let next: number;
        if (p < len && b[p] === QUOTE) {
          let e = p + 1;
          let esc = false;
          for (;;) {
            while (e < len && b[e] !== QUOTE) e++;
            if (e >= len) {
              if (!final) return pos;
              throw new CsvSyntaxError('a quoted field is not closed before the end of the file', this.rows + 1);
            }
            if (e + 1 >= len && !final) return pos;
            if (e + 1 < len && b[e + 1] === QUOTE) {
              esc = true;
              e += 2;
              continue;
            }
            break;
          }
          this.starts[n] = p + 1;
          this.ends[n] = e;
          this.escaped[n] = esc ? 1 : 0;
          if (esc) anyEscaped = true;
          n++;
          next = e + 1;
        } else {
          let c = p;
          while (c < len) {
            const ch = b[c];
            if (ch === COMMA || ch === LF || ch === CR) break;
            c++;
          }
          if (c >= len && !final) return pos;
          this.starts[n] = p;
          this.ends[n] = c;
          this.escaped[n] = 0;
          n++;
          next = c;
        }
        if (next >= len) {
          // The end of the bytes: only reached when final (otherwise returned above).
          pos = len;
          break;
        }
        const ch = b[next];
        if (ch === COMMA) {
          p = next + 1;
          if (p >= len) {
            if (!final) return pos;
            if (n === this.starts.length) this.grow();
            this.starts[n] = len;
            this.ends[n] = len;
            this.escaped[n] = 0;
            n++;
            pos = len;
            break;
          }
          continue;
        }
        if (ch === CR) {
          if (next + 1 >= len && !final) return pos;
          next += next + 1 < len && b[next + 1] === LF ? 2 : 1;
        } else if (ch === LF) {
          next += 1;
        } else {
          // The message names the character: wait for all its bytes.
          if (next + charWidth(ch) > len && !final) return pos;
          throw new CsvSyntaxError(`unexpected ${JSON.stringify(charAt(b, next))} after a quoted field`, this.rows + 1);
        }
        pos = next;
        break;
      }
      // The row is complete: only now may its doubled quotes be undone in place (an incomplete row is parsed again).
      if (anyEscaped) this.unescape(b, n);
      if (n === 1 && this.ends[0] === this.starts[0]) continue;
      this.rows++;
      this.emit(b, this.starts, this.ends, n, anyEscaped);
    }
    return pos;
  }

  /** Hands a complete row on; `escaped`: a doubled quote in it was undone in place, so its bytes have moved. */
  protected emit(b: Buffer, start: Int32Array, end: Int32Array, n: number, _escaped: boolean): void {
    this.onRow(b, start, end, n);
  }

  private unescape(b: Buffer, n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.escaped[i] === 0) continue;
      const from = this.starts[i];
      const to = this.ends[i];
      let w = from;
      for (let r = from; r < to; r++) {
        const c = b[r];
        b[w++] = c;
        if (c === QUOTE) r++;
      }
      this.ends[i] = w;
    }
  }
}

export type RowCallback = (fields: string[], count: number) => void;

/**
 * The rows of CsvByteParser as strings: each field decoded (UTF-8) into one reused array, so a caller that keeps the
 * array copies it. Takes bytes, or text (encoded first). A chunk of ASCII only (nearly every chunk of an inventory
 * report: keys are URL-encoded) is decoded once, in one call, and fields are sliced from that text; a row whose bytes
 * moved (a doubled quote undone) is decoded on its own, and a chunk with other characters field by field.
 */
export class CsvParser extends CsvByteParser {
  private readonly fields: string[] = [];
  /** The chunk rows last came from; whether it is ASCII only; its text, once decoded. */
  private chunk: Buffer | undefined;
  private ascii = false;
  private text: string | undefined;

  constructor(private readonly onFields: RowCallback) {
    super(() => undefined);
  }

  override push(chunk: Buffer | string): void {
    // A caller may refill the buffer it pushed last: look at each chunk afresh.
    this.chunk = undefined;
    super.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  protected override emit(b: Buffer, start: Int32Array, end: Int32Array, n: number, escaped: boolean): void {
    const fields = this.fields;
    if (b !== this.chunk) {
      this.chunk = b;
      this.ascii = isAscii(b);
      this.text = undefined;
    }
    if (this.ascii && !escaped) {
      // Decoded at the first such row of the chunk: after that only escaped rows move, and they are decoded apart.
      const text = (this.text ??= b.toString('latin1'));
      for (let i = 0; i < n; i++) fields[i] = text.slice(start[i], end[i]);
    } else if (this.ascii) {
      const from = start[0];
      const row = b.toString('latin1', from, end[n - 1]);
      for (let i = 0; i < n; i++) fields[i] = row.slice(start[i] - from, end[i] - from);
    } else {
      for (let i = 0; i < n; i++) fields[i] = b.toString('utf8', start[i], end[i]);
    }
    this.onFields(fields, n);
  }
}

/** The bytes of the UTF-8 character whose first byte is `c`. */
function charWidth(c: number): number {
  return c < 0xc0 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
}

/** The character at byte `i` (for an error message). */
function charAt(b: Buffer, i: number): string {
  return b.toString('utf8', i, Math.min(b.length, i + charWidth(b[i])));
}
