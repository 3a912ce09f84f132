// The report reader's speed and memory, printed side by side; asserts nothing.
// For each size (BENCH_REPORT_ROWS, default 1000000,10000000) it generates a COS report in the documented layout
// (gzip CSV data files, BENCH_REPORT_FILES files per million rows, default 4, at least 8), once, in a temporary
// directory, then runs, each as its own process with its peak resident memory measured:
//   - gzip -dc over the same files (the floor: decompression alone, one core);
//   - `cos-inventory report summary --json` with 1 .. N worker threads (N = cores);
//   - the peer: DuckDB (@duckdb/node-api) read_csv over the same files, the same totals by storage class, with 1 and
//     N threads; or why not, when it does not load.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'assets', 'handler', 'index.js');
const PEAK = path.join(__dirname, 'peak-rss.js');
const CORES = availableParallelism();
const COLUMNS = ['Appid', 'Bucket', 'Key', 'Size', 'LastModifiedDate', 'ETag', 'StorageClass', 'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus'];

interface Measure { seconds: number; peakMiB?: number; note?: string }

async function timed(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; shell?: boolean } = {}): Promise<Measure & { stdout: string }> {
  const start = process.hrtime.bigint();
  const { stdout, stderr } = await run(command, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...options.env }, shell: options.shell });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = /PEAK_RSS_KB=(\d+)/.exec(stderr);
  return { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : undefined, stdout };
}

/** Generates the report once: data files in parallel child processes, then manifest and checksum. */
async function generate(root: string, rows: number): Promise<{ dir: string; files: string[] }> {
  const files = Math.max(8, Math.round((rows / 1e6) * Number(process.env.BENCH_REPORT_FILES ?? 4)));
  const directory = 'cos_bucket_inventory/1250000000/examplebucket/bench/20260101';
  const dir = path.join(root, directory);
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  const entries: Array<{ key: string; size: number; md5Checksum: string }> = [];
  const paths: string[] = [];
  let next = 0;
  const start = Date.now();
  const worker = async () => {
    while (next < files) {
      const f = next++;
      const file = path.join(dir, 'data', `part-${f}.csv.gz`);
      const from = Math.floor((rows * f) / files);
      const to = Math.floor((rows * (f + 1)) / files);
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', path.join(ROOT, 'tsconfig.dev.json'), path.join(__dirname, 'report-gen.ts'), file, COLUMNS.join(','), String(from), String(to)]);
        let text = '';
        child.stdout.on('data', (d) => { text += d; });
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`generator exited ${code}`))));
      });
      const { size, md5 } = JSON.parse(out);
      entries[f] = { key: `${directory}/data/part-${f}.csv.gz`, size, md5Checksum: md5 };
      paths[f] = file;
    }
  };
  await Promise.all(Array.from({ length: CORES }, worker));
  const manifest = Buffer.from(JSON.stringify({ sourceBucket: 'examplebucket-1250000000', destinationBucket: 'inventorybucket-1250000000', fileFormat: 'CSV', fileSchema: COLUMNS.join(', '), files: entries }));
  writeFileSync(path.join(dir, 'manifest.json'), manifest);
  writeFileSync(path.join(dir, 'manifest.checksum'), createHash('md5').update(manifest).digest('hex'));
  const bytes = entries.reduce((s, e) => s + e.size, 0);
  console.log(`generated ${rows.toLocaleString('en-US')} rows in ${files} gzip files (${(bytes / 1048576).toFixed(0)} MiB) in ${((Date.now() - start) / 1000).toFixed(1)} s`);
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

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_REPORT_ROWS ?? '1000000,10000000').split(',').map(Number);
  const root = mkdtempSync(path.join(tmpdir(), 'bench-report-'));
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
      const { dir, files } = await generate(root, rows);
      const floor = await timed('sh', ['-c', `gzip -dc ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`]);
      const ours: Array<[number, Measure]> = [];
      for (const workers of workerCounts) {
        const m = await timed(process.execPath, ['-r', PEAK, BUNDLE, 'report', 'summary', dir, '--json', '--workers', String(workers)]);
        const count = JSON.parse(m.stdout).objects.count;
        if (count !== rows) throw new Error(`summary counted ${count} objects of ${rows}`);
        ours.push([workers, m]);
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
      lines.push(`\n${rows.toLocaleString('en-US')} rows, ${files.length} files, ${CORES} cores`);
      lines.push(`  gzip -dc (floor, 1 core)            ${floor.seconds.toFixed(2).padStart(7)} s  ${rate(rows, floor).padStart(16)}`);
      for (const [workers, m] of ours) {
        lines.push(`  summary, ${workers} worker(s)${' '.repeat(Math.max(0, 17 - String(workers).length))}${m.seconds.toFixed(2).padStart(7)} s  ${rate(rows, m).padStart(16)}  ${(m.seconds / floor.seconds).toFixed(2)}x gzip -dc time  speed-up ${(ours[0][1].seconds / m.seconds).toFixed(2)}x  peak ${m.peakMiB?.toFixed(0)} MiB`);
      }
      for (const [threads, m] of peers) {
        lines.push(`  DuckDB read_csv, ${threads} thread(s)${' '.repeat(Math.max(0, 10 - String(threads).length))}${m.seconds.toFixed(2).padStart(7)} s  ${rate(rows, m).padStart(16)}  ${(m.seconds / floor.seconds).toFixed(2)}x gzip -dc time  peak ${m.peakMiB?.toFixed(0)} MiB`);
      }
      if (duckdb) lines.push(`  peer: ${duckdb}`);
      lines.push(`  summary (${workerCounts[workerCounts.length - 1]} workers) takes ${peers.length ? `${(best.seconds / peers[peers.length - 1][1].seconds).toFixed(2)}x the time of DuckDB (${CORES} threads)` : 'n/a (no peer)'}`);
      console.log(lines.slice(-(ours.length + peers.length + 3 + (duckdb ? 1 : 0))).join('\n'));
      rmSync(path.join(root, 'cos_bucket_inventory'), { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log('\nreport reader bench, side by side:', lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
