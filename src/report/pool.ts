// Summaries of many-file reports on all cores: worker threads each take the next data file, parse it into their own
// SummaryBuilder, and send its state back at the end; the main thread merges. The worker script is the bundle this
// code is in (assets/handler/report.js, assets/report/index.js), which starts a worker when loaded as one.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ManifestFile } from './manifest';
import { ReportError } from './manifest';
import type { InventoryReport, LocalDataFile } from './open';
import { columnIndex } from './record';
import { scanDataFileBytes } from './scan';
import { SummaryBuilder, SummaryJson, SummaryOptions, SummaryState } from './summary';

const WORKER_FLAG = 'cosInventoryReportWorker';

export interface SummarizeOptions extends SummaryOptions {
  /** Worker threads; default the number of cores, at most one per data file. 1 parses on the calling thread. */
  readonly workers?: number;
  /** Check each file's size, MD5 and record count while reading it. Default true. */
  readonly verify?: boolean;
  /** The script workers run; default this bundle. Source (.ts) runs without workers unless one is given. */
  readonly workerFile?: string;
}

interface WorkerInit {
  readonly [WORKER_FLAG]: true;
  readonly columns: string[];
  readonly depth?: number;
  readonly now: number;
}

type ToWorker = { type: 'file'; path: string; file: ManifestFile; verify: boolean } | { type: 'finish' };
type FromWorker = { type: 'done' } | { type: 'state'; state: SummaryState } | { type: 'error'; message: string };

/** Starts the worker side when this script was loaded as a summary worker; returns whether it did. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || !(workerData as WorkerInit | undefined)?.[WORKER_FLAG]) return false;
  const init = workerData as WorkerInit;
  const port = parentPort;
  const builder = new SummaryBuilder(columnIndex(init.columns), { depth: init.depth, now: new Date(init.now) });
  const add = builder.addBytes.bind(builder);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'finish') {
      port.postMessage({ type: 'state', state: builder.state() } satisfies FromWorker);
      port.close();
      return;
    }
    scanDataFileBytes(message.path, message.file, add, message.verify).then(
      () => port.postMessage({ type: 'done' } satisfies FromWorker),
      (err: Error) => port.postMessage({ type: 'error', message: err.message } satisfies FromWorker),
    );
  });
  return true;
}

/** How many workers a summary of `files` data files uses. */
export function defaultWorkers(files: number): number {
  return Math.max(1, Math.min(files, availableParallelism()));
}

/** The summary of a report: inline for one worker or one file, else across worker threads. */
export async function summarize(report: InventoryReport, options: SummarizeOptions = {}): Promise<SummaryJson> {
  const now = options.now ?? new Date();
  const files = await report.localFiles();
  const builder = new SummaryBuilder(report.columnIndex, { depth: options.depth, now });
  const verify = options.verify !== false;
  const workerFile = options.workerFile ?? (__filename.endsWith('.ts') ? undefined : __filename);
  const workers = Math.min(options.workers ?? defaultWorkers(files.length), files.length);
  if (workers <= 1 || workerFile === undefined) {
    const add = builder.addBytes.bind(builder);
    for (const local of files) await scanDataFileBytes(local.path, local.file, add, verify && !local.verified);
  } else {
    const init: WorkerInit = { [WORKER_FLAG]: true, columns: report.columns, depth: options.depth, now: now.getTime() };
    await summarizeInWorkers(files, builder, verify, workers, () => new Worker(workerFile, { workerData: init }));
  }
  if (verify) report.checkRecordCount(builder.rows);
  return builder.toJSON(now);
}

/** `workers` workers (`start` starts one) each take the next file until none is left; their states are merged into `builder`. */
async function summarizeInWorkers(files: LocalDataFile[], builder: SummaryBuilder, verify: boolean, workers: number, start: () => Worker): Promise<void> {
  // Largest files first, so the last one to finish is a small one.
  const queue: LocalDataFile[] = [...files].sort((a, b) => b.file.size - a.file.size);
  const errors: string[] = [];
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const worker = start();
    const next = () => {
      const local = errors.length === 0 ? queue.shift() : undefined;
      worker.postMessage(local
        ? ({ type: 'file', path: local.path, file: local.file, verify: verify && !local.verified } satisfies ToWorker)
        : ({ type: 'finish' } satisfies ToWorker));
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'done') next();
      else if (message.type === 'error') {
        errors.push(message.message);
        next();
      } else {
        builder.merge(message.state);
        void worker.terminate();
        resolve();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code !== 0 && code !== 1 ? reject(new Error(`summary worker exited with code ${code}`)) : undefined));
    next();
  })));
  if (errors.length > 0) throw new ReportError(errors.join('\n'));
}
