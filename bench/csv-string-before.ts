// The string CSV parser the report reader had before it had one byte parser for every command (src/report/csv.ts):
// kept here only as the "before" of bench/report.ts's parser lines. It parses text chunk by chunk (the bench decodes
// the gunzipped bytes to UTF-8 first, as the reader did) and calls back with each row's fields in one reused array.
import { CsvSyntaxError } from '../src/report/csv';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

type RowCallback = (fields: string[], count: number) => void;

export class StringCsvParserBefore {
  private rest = '';
  private readonly fields: string[] = [];
  /** Rows passed to the callback so far (blank lines not counted). */
  rows = 0;

  constructor(private readonly onRow: RowCallback) {}

  push(chunk: string): void {
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    const consumed = this.parse(text, false);
    this.rest = consumed < text.length ? text.slice(consumed) : '';
  }

  end(): void {
    if (this.rest.length > 0) this.parse(this.rest, true);
    this.rest = '';
  }

  /** Parses whole rows of `s`; returns where the first incomplete one starts (all of `s` when `final`). */
  private parse(s: string, final: boolean): number {
    const len = s.length;
    const f = this.fields;
    let pos = 0;
    while (pos < len) {
      let n = 0;
      let p = pos;
      for (;;) {
        let value: string;
        let next: number;
        if (s.charCodeAt(p) === QUOTE) {
          let start = p + 1;
          let q = start;
          let built = '';
          for (;;) {
            const e = s.indexOf('"', q);
            if (e < 0) {
              if (!final) return pos;
              throw new CsvSyntaxError('a quoted field is not closed before the end of the file', this.rows + 1);
            }
            if (e + 1 >= len && !final) return pos;
            if (s.charCodeAt(e + 1) === QUOTE) {
              built += s.slice(start, e + 1);
              q = e + 2;
              start = q;
              continue;
            }
            value = built.length > 0 ? built + s.slice(start, e) : s.slice(start, e);
            next = e + 1;
            break;
          }
        } else {
          let c = p;
          while (c < len) {
            const ch = s.charCodeAt(c);
            if (ch === COMMA || ch === LF || ch === CR) break;
            c++;
          }
          if (c >= len && !final) return pos;
          value = s.slice(p, c);
          next = c;
        }
        f[n++] = value;
        if (next >= len) {
          // The end of the text: only reached when final (otherwise returned above).
          pos = len;
          this.emit(n);
          break;
        }
        const ch = s.charCodeAt(next);
        if (ch === COMMA) {
          p = next + 1;
          if (p >= len) {
            if (!final) return pos;
            f[n++] = '';
            pos = len;
            this.emit(n);
            break;
          }
          continue;
        }
        if (ch === CR) {
          if (next + 1 >= len && !final) return pos;
          next += s.charCodeAt(next + 1) === LF ? 2 : 1;
        } else if (ch === LF) {
          next += 1;
        } else {
          throw new CsvSyntaxError(`unexpected ${JSON.stringify(s[next])} after a quoted field`, this.rows + 1);
        }
        pos = next;
        this.emit(n);
        break;
      }
    }
    return pos;
  }

  private emit(n: number): void {
    if (n === 1 && this.fields[0] === '') return;
    this.rows++;
    this.onRow(this.fields, n);
  }
}
