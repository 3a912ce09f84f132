// Reads one data file: gunzips it when it is gzip (by its first bytes, whatever its name), parses its CSV, and hashes
// the bytes as they go by, so size and MD5 are checked in the same pass. Memory: one chunk at a time.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ByteRowCallback, CsvByteParser, CsvParser, CsvSyntaxError, RowCallback } from './csv';
import { dataFileProblem, ManifestFile, ReportError } from './manifest';

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 18;

export interface ScanResult {
  rows: number;
  size: number;
  md5: string;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await fs.open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Parses the local copy `path` of the data file `file` with `parser` (a new one per file: CsvParser for fields as
 * strings, CsvByteParser for offsets), pausing (yielding) after each chunk so a consumer can hand on what the rows
 * produced. At the end it checks size, MD5 and record count against the manifest (unless `verify` is false) and
 * fills `result`. A truncated or corrupt gzip file, a CSV error or a mismatch throws a ReportError naming the file.
 */
export async function* scanDataFileChunks(path: string, file: ManifestFile, parser: CsvByteParser, verify = true, result?: ScanResult): AsyncGenerator<void> {
  const name = `data file ${file.key}`;
  const hash = createHash('md5');
  let size = 0;
  let gzip = false;
  /** Whether the parser has the bytes: then an error other than the parser's is its onRow's, not the file's. */
  let parsing = false;
  try {
    gzip = await isGzip(path);
    const input = createReadStream(path, { highWaterMark: READ_CHUNK });
    input.on('data', (chunk) => {
      size += chunk.length;
      if (verify) hash.update(chunk as Buffer);
    });
    const out = gzip ? createGunzip({ chunkSize: INFLATE_CHUNK }) : new PassThrough({ highWaterMark: READ_CHUNK });
    input.on('error', (err) => out.destroy(err));
    input.pipe(out);
    for await (const chunk of out) {
      parsing = true;
      parser.push(chunk as Buffer);
      parsing = false;
      yield;
    }
    parsing = true;
    parser.end();
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new ReportError(`${name}: not valid CSV at record ${err.row}: ${err.message}`);
    if (err instanceof ReportError || parsing) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (gzip && typeof code === 'string' && code.startsWith('Z_')) throw new ReportError(`${name}: gzip data is truncated or corrupt (${(err as Error).message})`);
    throw new ReportError(`${name}: cannot be read (${(err as Error).message})`);
  }
  const md5 = hash.digest('hex');
  if (verify) {
    const problem = dataFileProblem(file, { size, md5: file.md5Checksum ? md5 : undefined, records: parser.rows });
    if (problem) throw new ReportError(problem);
  }
  if (result) Object.assign(result, { rows: parser.rows, size, md5 });
  yield;
}

/** scanDataFileChunks, run to the end. */
export async function scanDataFile(path: string, file: ManifestFile, onRow: RowCallback, verify = true): Promise<ScanResult> {
  const result: ScanResult = { rows: 0, size: 0, md5: '' };
  for await (const _ of scanDataFileChunks(path, file, new CsvParser(onRow), verify, result)) { /* rows went to onRow */ }
  return result;
}

/**
 * scanDataFile with fields as offsets: each row goes to `onRow` as its chunk and field offsets (CsvByteParser),
 * nothing decoded. The summary's path.
 */
export async function scanDataFileBytes(path: string, file: ManifestFile, onRow: ByteRowCallback, verify = true): Promise<ScanResult> {
  const result: ScanResult = { rows: 0, size: 0, md5: '' };
  for await (const _ of scanDataFileChunks(path, file, new CsvByteParser(onRow), verify, result)) { /* rows went to onRow */ }
  return result;
}

/** Size and MD5 of a local file, read once. */
export async function hashFile(path: string): Promise<{ size: number; md5: string }> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, md5: hash.digest('hex') };
}
