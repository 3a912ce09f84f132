// The report reader's speed and memory, printed side by side; asserts nothing.
// For each size (BENCH_REPORT_ROWS, default 1000000,10000000) it generates a COS report in the documented layout
// (gzip CSV data files named by 32 hex digits beside the date directory, BENCH_REPORT_FILES files per million rows,
// default 4, at least 8), once, in a temporary
// directory, then runs, each as its own process with its peak resident memory measured:
//   - gzip -dc over the same files (the floor: decompression alone, one core);
//   - `cos-inventory report summary --json` with 1 .. N worker threads (N = cores);
//   - the peer: DuckDB (@duckdb/node-api) read_csv over the same files, the same totals by storage class, with 1 and
//     N threads; or why not, when it does not load;
//   - the parsers side by side, each in its own process (this script, `parser MODE`), one thread, streamed as the
//     reader streams (gunzip in 256 KiB chunks), over the first BENCH_PARSER_ROWS rows (default 2000000):
//       gunzip         decompression alone, no parser (the floor of that process)
//       bytes          src/report/csv.ts CsvByteParser, field offsets only (what the summary uses)
//       bytes+summary  the same, each row into SummaryBuilder.addBytes (the summary's whole per-row work)
//       strings        src/report/csv.ts CsvParser: the same parser, every field decoded (records, diff, export)
//       strings-before the string parser the reader had before (bench/csv-string-before.ts) after UTF-8 decoding
//       csv-parse      the csv-parse package (stream API, default options: arrays of strings)
//     wall time, and the time in the parser's own calls (gunzip runs on libuv's threads meanwhile), of the fastest of
//     BENCH_PARSER_PASSES passes (default 3);
//   - `report export` as NDJSON and as Parquet (both to /dev/null) and `report diff` (the report against itself, in
//     the partitions its size asks for), of this build and, with BENCH_REPORT_BASELINE, of the baseline: the
//     commands that take every field as a string.
// CPU is user + system time of all threads over wall time: 1 worker already uses more than one core, because
// gunzip runs on libuv's thread pool beside the parsing thread.
// BENCH_REPORT_BASELINE=path/to/assets/handler/index.js also runs that build's summary (before/after, same data).
// BENCH_REPORT_DATA=dir keeps the generated reports there (dir/<rows>/) and reuses them on the next run.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { parse as csvParse } from 'csv-parse';
import { CsvByteParser, CsvParser } from '../src/report/csv';
import { columnIndex } from '../src/report/record';
import { SummaryBuilder } from '../src/report/summary';
import { cosManifest, writeManifest } from '../test/report/generate';
import { StringCsvParserBefore } from './csv-string-before';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'assets', 'handler', 'index.js');
const PEAK = path.join(__dirname, 'peak-rss.js');
const CORES = availableParallelism();
const COLUMNS = ['Appid', 'Bucket', 'Key', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus'];

interface Measure { seconds: number; peakMiB?: number; cpuSeconds?: number; note?: string }

async function timed(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; shell?: boolean } = {}): Promise<Measure & { stdout: string }> {
  const start = process.hrtime.bigint();
  const { stdout, stderr } = await run(command, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...options.env }, shell: options.shell });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = /PEAK_RSS_KB=(\d+)/.exec(stderr);
  const cpu = /CPU_US=(\d+)/.exec(stderr);
  return { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : undefined, cpuSeconds: cpu ? Number(cpu[1]) / 1e6 : undefined, stdout };
}

/** Generates the report once: data files in parallel child processes, then manifest and checksum. */
async function generate(root: string, rows: number): Promise<{ dir: string; files: string[] }> {
  const files = Math.max(8, Math.round((rows / 1e6) * Number(process.env.BENCH_REPORT_FILES ?? 4)));
  const directory = 'cos_bucket_inventory/1250000000/examplebucket/bench/20260101';
  const dir = path.join(root, directory);
  if (existsSync(path.join(dir, 'manifest.json'))) {
    const kept = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ key: string }> };
    console.log(`reusing ${rows.toLocaleString('en-US')} rows in ${kept.files.length} gzip files from ${root}`);
    return { dir, files: kept.files.map((f) => path.join(root, f.key)) };
  }
  const inventoryDir = path.dirname(dir);
  mkdirSync(inventoryDir, { recursive: true });
  const entries: Array<{ key: string; size: string; md5Checksum: string }> = [];
  const paths: string[] = [];
  let bytes = 0n;
  let next = 0;
  const start = Date.now();
  const worker = async () => {
    while (next < files) {
      const f = next++;
      // Named as COS names them: 32 hex digits, beside the date directories.
      const name = `${createHash('md5').update(`bench/${f}`).digest('hex')}.csv.gz`;
      const file = path.join(inventoryDir, name);
      const from = Math.floor((rows * f) / files);
      const to = Math.floor((rows * (f + 1)) / files);
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', path.join(ROOT, 'tsconfig.dev.json'), path.join(__dirname, 'report-gen.ts'), file, COLUMNS.join(','), String(from), String(to)]);
        let text = '';
        child.stdout.on('data', (d) => { text += d; });
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`generator exited ${code}`))));
      });
      const written = JSON.parse(out);
      entries[f] = { key: `${path.posix.dirname(directory)}/${name}`, size: String(written.size), md5Checksum: written.md5 };
      bytes += BigInt(written.bytes);
      paths[f] = file;
    }
  };
  await Promise.all(Array.from({ length: CORES }, worker));
  writeManifest(dir, cosManifest({ sourceBucket: 'examplebucket-1250000000', columns: COLUMNS, files: entries, objects: rows, bytes }));
  const compressed = entries.reduce((s, e) => s + Number(e.size), 0);
  console.log(`generated ${rows.toLocaleString('en-US')} rows in ${files} gzip files (${(compressed / 1048576).toFixed(0)} MiB) in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return { dir, files: paths };
}

const DUCKDB_SCRIPT = `
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const [threads, ...files] = process.argv.slice(1);
  const db = await DuckDBInstance.create(':memory:', { threads });
  const c = await db.connect();
  const list = files.map((f) => "'" + f + "'").join(',');
  const columns = ${JSON.stringify(`{${COLUMNS.map((c) => `'${c}': '${c === 'Size' ? 'BIGINT' : 'VARCHAR'}'`).join(', ')}}`)};
  const r = await c.runAndReadAll('select StorageClass, count(*) n, sum(Size) bytes from read_csv([' + list + "], header = false, quote = '\\"', columns = " + columns + ') group by 1');
  process.stdout.write(JSON.stringify(r.getRowObjectsJson()));
})().catch((e) => { console.error(e.message); process.exit(1); });`;

interface Sink { push(chunk: Buffer): void | Promise<void>; end(): void | Promise<void>; rows(): number }

function sink(mode: string, columns: string[]): Sink {
  switch (mode) {
    case 'gunzip': return { push() {}, end() {}, rows: () => 0 };
    case 'bytes':
    case 'bytes+summary': {
      const summary = new SummaryBuilder(columnIndex(columns), { now: new Date('2026-01-01T00:00:00Z') });
      const parser = new CsvByteParser(mode === 'bytes' ? () => {} : (b, s, e, n) => summary.addBytes(b, s, e, n));
      return { push: (c) => parser.push(c), end: () => parser.end(), rows: () => parser.rows };
    }
    case 'strings': {
      const parser = new CsvParser(() => {});
      return { push: (c) => parser.push(c), end: () => parser.end(), rows: () => parser.rows };
    }
    case 'strings-before': {
      const parser = new StringCsvParserBefore(() => {});
      // Whole characters per chunk, as the reader's decoder gave them.
      let held = Buffer.alloc(0);
      return {
        push: (c) => {
          const bytes = held.length ? Buffer.concat([held, c]) : c;
          let end = bytes.length;
          let i = end - 1;
          while (i >= 0 && i > end - 4 && (bytes[i] & 0xc0) === 0x80) i--;
          if (i >= 0 && bytes[i] >= 0xc0 && end - i < (bytes[i] >= 0xf0 ? 4 : bytes[i] >= 0xe0 ? 3 : 2)) end = i;
          held = Buffer.from(bytes.subarray(end));
          parser.push(bytes.toString('utf8', 0, end));
        },
        end: () => {
          parser.push(held.toString('utf8'));
          parser.end();
        },
        rows: () => parser.rows,
      };
    }
    case 'csv-parse': {
      const parser = csvParse();
      let rows = 0;
      parser.on('readable', () => {
        while (parser.read() !== null) rows++;
      });
      const ended = new Promise<void>((resolve, reject) => {
        parser.on('end', resolve);
        parser.on('error', reject);
      });
      return {
        push: (c) => (parser.write(c) ? undefined : new Promise<void>((resolve) => parser.once('drain', resolve))),
        end: () => {
          parser.end();
          return ended;
        },
        rows: () => rows,
      };
    }
    default: throw new Error(`unknown parser ${mode}`);
  }
}

/**
 * Child (`report.ts parser MODE COLUMNS FILE...`): one parser over the files, BENCH_PARSER_PASSES times (default 3;
 * the machine is shared, so the fastest pass is the one least disturbed); prints rows, wall and parser seconds.
 */
async function parserChild(mode: string, columns: string, files: string[]): Promise<void> {
  let best: { rows: number; wall: number; parse: number } | undefined;
  for (let pass = Number(process.env.BENCH_PARSER_PASSES ?? 3); pass > 0; pass--) {
    const r = await parserPass(mode, columns, files);
    if (!best || r.parse < best.parse) best = r;
  }
  process.stdout.write(JSON.stringify(best));
}

async function parserPass(mode: string, columns: string, files: string[]): Promise<{ rows: number; wall: number; parse: number }> {
  let parseNs = 0n;
  let rows = 0;
  const start = process.hrtime.bigint();
  for (const file of files) {
    const s = sink(mode, columns.split(','));
    const input = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 18 }));
    for await (const chunk of input) {
      const t = process.hrtime.bigint();
      await s.push(chunk as Buffer);
      parseNs += process.hrtime.bigint() - t;
    }
    const t = process.hrtime.bigint();
    await s.end();
    parseNs += process.hrtime.bigint() - t;
    rows += s.rows();
  }
  return { rows, wall: Number(process.hrtime.bigint() - start) / 1e9, parse: Number(parseNs) / 1e9 };
}

const PARSERS = ['gunzip', 'bytes', 'bytes+summary', 'strings', 'strings-before', 'csv-parse'];

/** The parsers over the first files (up to BENCH_PARSER_ROWS rows), each in its own process. */
async function parsers(files: string[], rows: number): Promise<string[]> {
  const limit = Number(process.env.BENCH_PARSER_ROWS ?? 2_000_000);
  const some = files.slice(0, Math.max(1, Math.ceil((files.length * Math.min(rows, limit)) / rows)));
  const out: string[] = [];
  let floor: { wall: number } | undefined;
  for (const mode of PARSERS) {
    const { stdout } = await run(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', path.join(ROOT, 'tsconfig.dev.json'),
      __filename, 'parser', mode, COLUMNS.join(','), ...some], { maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout) as { rows: number; wall: number; parse: number };
    const n = mode === 'gunzip' ? Math.round((rows * some.length) / files.length) : r.rows;
    if (mode === 'gunzip') floor = r;
    out.push(`  parser ${mode.padEnd(14)} ${r.wall.toFixed(2).padStart(7)} s  ${`${(n / r.wall / 1e6).toFixed(2)} M rows/s`.padStart(16)}`
      + (mode === 'gunzip' ? `  (${some.length} of ${files.length} files, ~${n.toLocaleString('en-US')} rows, 1 thread)`
        : `  ${(r.wall / floor!.wall).toFixed(2)}x gunzip time  in the parser ${r.parse.toFixed(2)} s = ${(r.rows / r.parse / 1e6).toFixed(2)} M rows/s`));
  }
  return out;
}

/** `report export` (NDJSON, Parquet) and `report diff` (the report against itself) of this build and the baseline. */
async function commands(dir: string, rows: number, baseline: string | undefined): Promise<string[]> {
  const out: string[] = [];
  const runs: Array<[string, string[]]> = [
    ['export ndjson', ['report', 'export', dir, '--format', 'ndjson', '--out', '/dev/null']],
    ['export parquet', ['report', 'export', dir, '--format', 'parquet', '--out', '/dev/null']],
    ['diff', ['report', 'diff', dir, dir, '--json']],
  ];
  for (const [label, args] of runs) {
    for (const [build, bundle] of [['this build', BUNDLE], ...(baseline ? [['baseline', baseline]] : [])]) {
      const m = await timed(process.execPath, ['-r', PEAK, bundle, ...args]);
      out.push(`  ${`${label}, ${build}`.padEnd(34)}${m.seconds.toFixed(2).padStart(7)} s  ${`${(rows / m.seconds / 1e6).toFixed(2)} M rows/s`.padStart(16)}  CPU ${((m.cpuSeconds ?? NaN) / m.seconds).toFixed(2)} cores  peak ${m.peakMiB?.toFixed(0)} MiB`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_REPORT_ROWS ?? '1000000,10000000').split(',').map(Number);
  const keep = process.env.BENCH_REPORT_DATA;
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-report-'));
  const baseline = process.env.BENCH_REPORT_BASELINE ? path.resolve(process.env.BENCH_REPORT_BASELINE) : undefined;
  let duckdb: string | undefined;
  try {
    require.resolve('@duckdb/node-api');
  } catch (err) {
    duckdb = `@duckdb/node-api does not load here (${(err as Error).message.split('\n')[0]})`;
  }
  const workerCounts = [...new Set([1, 2, CORES])].filter((n) => n <= CORES);
  const lines: string[] = [];
  const rate = (rows: number, m: Measure) => `${(rows / m.seconds / 1e6).toFixed(2)} M rows/s`;
  try {
    for (const rows of sizes) {
      const root = keep ? path.resolve(keep, String(rows)) : tmp;
      const { dir, files } = await generate(root, rows);
      const floor = await timed('sh', ['-c', `gzip -dc ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]);
      const ours: Array<[number, Measure]> = [];
      const before: Array<[number, Measure]> = [];
      for (const workers of workerCounts) {
        for (const [bundle, list] of [[BUNDLE, ours], ...(baseline ? [[baseline, before]] : [])] as Array<[string, Array<[number, Measure]>]>) {
          const m = await timed(process.execPath, ['-r', PEAK, bundle, 'report', 'summary', dir, '--json', '--workers', String(workers)]);
          const count = JSON.parse(m.stdout).objects.count;
          if (count !== rows) throw new Error(`summary counted ${count} objects of ${rows}`);
          list.push([workers, m]);
        }
      }
      const peers: Array<[number, Measure]> = [];
      if (!duckdb) {
        for (const threads of [...new Set([1, CORES])]) {
          try {
            const m = await timed(process.execPath, ['-r', PEAK, '-e', DUCKDB_SCRIPT, String(threads), ...files]);
            const n = (JSON.parse(m.stdout) as Array<{ n: string }>).reduce((s, r) => s + Number(r.n), 0);
            if (n !== rows) throw new Error(`DuckDB counted ${n} rows of ${rows}`);
            peers.push([threads, m]);
          } catch (err) {
            duckdb = `DuckDB failed here: ${(err as Error).message.split('\n')[0]}`;
          }
        }
      }
      const best = ours[ours.length - 1][1];
      const start = lines.length;
      lines.push(`\n${rows.toLocaleString('en-US')} rows, ${files.length} files, ${CORES} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      lines.push(`  gzip -dc (floor, 1 core)            ${floor.seconds.toFixed(2).padStart(7)} s  ${rate(rows, floor).padStart(16)}`);
      for (const [label, list] of [['summary', ours], ['baseline', before]] as Array<[string, Array<[number, Measure]>]>) {
        for (const [workers, m] of list) {
          lines.push(`  ${label}, ${workers} worker(s)${' '.repeat(Math.max(0, 24 - label.length - String(workers).length))}${m.seconds.toFixed(2).padStart(7)} s  ${rate(rows, m).padStart(16)}  ${(m.seconds / floor.seconds).toFixed(2)}x gzip -dc time  speed-up ${(list[0][1].seconds / m.seconds).toFixed(2)}x  CPU ${((m.cpuSeconds ?? NaN) / m.seconds).toFixed(2)} cores  peak ${m.peakMiB?.toFixed(0)} MiB`);
        }
      }
      for (const [threads, m] of peers) {
        lines.push(`  DuckDB read_csv, ${threads} thread(s)${' '.repeat(Math.max(0, 10 - String(threads).length))}${m.seconds.toFixed(2).padStart(7)} s  ${rate(rows, m).padStart(16)}  ${(m.seconds / floor.seconds).toFixed(2)}x gzip -dc time  peak ${m.peakMiB?.toFixed(0)} MiB`);
      }
      if (duckdb) lines.push(`  peer: ${duckdb}`);
      lines.push(`  summary (${workerCounts[workerCounts.length - 1]} workers) takes ${peers.length ? `${(best.seconds / peers[peers.length - 1][1].seconds).toFixed(2)}x the time of DuckDB (${CORES} threads)` : 'n/a (no peer)'}`);
      lines.push(...await commands(dir, rows, baseline));
      lines.push(...await parsers(files, rows));
      console.log(lines.slice(start).join('\n'));
      if (!keep) rmSync(path.join(root, 'cos_bucket_inventory'), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\nreport reader bench, side by side:', lines.join('\n'));
}

(process.argv[2] === 'parser' ? parserChild(process.argv[3], process.argv[4], process.argv.slice(5)) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
