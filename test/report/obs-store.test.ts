// The report reader against OBS: a report delivered in OBS's layout into the fake OBS (which verifies every signature
// and pages its listings), read by the bundled command through esdk-obs-nodejs, as `cos-inventory report` reads it
// from a real destination bucket.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/cli';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../support/fake-obs';
import { generateReport, Row, syntheticRow } from './generate';

const BUCKET = 'destbucket';
const COLUMNS = ['Size', 'LastModifiedDate', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus'];

let obs: FakeObs;
let root: string;

beforeEach(async () => {
  obs = await new FakeObs().start();
  obs.listPageSize = 1; // every listing of more than one entry pages
  root = mkdtempSync(path.join(tmpdir(), 'report-obs-'));
});

afterEach(async () => {
  await obs.stop();
  rmSync(root, { recursive: true, force: true });
});

const env = () => ({ HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, ...obs.handlerEnv });
const rows = (count: number) => ({ count, row: (i: number): Row => syntheticRow(i) });

/** Puts every file under `dir` into the fake bucket, keyed by its path relative to `dir`. */
function upload(dir: string, under = ''): void {
  for (const name of readdirSync(path.join(dir, under))) {
    const rel = under ? `${under}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) upload(dir, rel);
    else obs.putObject(BUCKET, rel, readFileSync(path.join(dir, rel)));
  }
}

/** Two reports of one inventory, a week apart; returns the newer. */
function deliver(count: number, files = 3) {
  const local = path.join(root, 'local');
  generateReport({ root: local, service: 'obs', date: '2025-12-25T02-00Z', rows: rows(5), columns: COLUMNS });
  const report = generateReport({ root: local, service: 'obs', rows: rows(count), files, columns: COLUMNS });
  upload(local);
  return report;
}

test('summary and verify of the newest OBS report in the bucket, through paged listings', async () => {
  const report = deliver(120);
  const summary = await cli(['report', 'summary', `obs://${BUCKET}/${report.directory}`, '--region', 'cn-north-4', '--json'], env());
  expect(summary.stderr).not.toContain('error');
  expect(summary.code).toBe(0);
  expect(JSON.parse(summary.stdout)).toMatchObject({ report: { service: 'obs', files: 3 }, objects: { count: 120 } });
  const verify = await cli(['report', 'verify', `obs://${BUCKET}/${report.directory}`, '--region', 'cn-north-4'], env());
  expect(verify.code).toBe(0);
  expect(verify.stdout).toContain('report verified');
  // Listings were paged (one entry a page) and every request carried a valid signature.
  expect(obs.requests.filter((r) => r.path === '/' && r.query.marker).length).toBeGreaterThan(0);
  expect(obs.requests.every((r) => r.status < 400)).toBe(true);
  for (const text of [summary.stdout, summary.stderr, verify.stdout, verify.stderr]) expect(text).not.toContain(FAKE_OBS_SECRET_KEY);
});

test('a data file whose record count lies fails verify with exit 1, naming the file', async () => {
  const report = deliver(30, 2);
  const manifestKey = report.manifestKey;
  const manifest = JSON.parse(obs.objects.get(BUCKET)!.get(manifestKey)!.toString('utf8'));
  manifest.files[0].inventoriedRecord = Number(manifest.files[0].inventoriedRecord) + 1;
  const text = JSON.stringify(manifest);
  obs.putObject(BUCKET, manifestKey, text);
  const { createHash } = await import('node:crypto');
  obs.putObject(BUCKET, manifestKey.replace(/manifest\.json$/, 'manifest.checksum'), createHash('md5').update(text).digest('hex'));
  const verify = await cli(['report', 'verify', `obs://${BUCKET}/${report.directory}`, '--region', 'cn-north-4'], env());
  expect(verify.code).toBe(1);
  expect(verify.stderr).toContain(manifest.files[0].key);
});

test('no report under the directory: exit 1 with a clear message', async () => {
  const missing = await cli(['report', 'summary', `obs://${BUCKET}/nothing/here`, '--region', 'cn-north-4'], env());
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain(`no report in obs://${BUCKET}/nothing/here/`);
});
