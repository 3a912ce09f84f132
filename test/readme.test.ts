// README's quick start is the example `npm run demo` synthesizes, as a user writes it (importing the package by
// name), and what it prints is what the demo prints: a README that drifts from the code fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { synthesize } from '../examples/new-destination/main';

const ROOT = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Constructs'));

test('the quick start code is examples/new-destination/main.ts, importing the package by name', () => {
  const code = /```ts fixture=full\n([\s\S]*?)```/.exec(quickStart)![1];
  const example = readFileSync(path.join(ROOT, 'examples', 'new-destination', 'main.ts'), 'utf8');
  expect(code).toBe(example);
});

test('the quick start shows what `npm run demo` prints for it', () => {
  const shown = /`npm run demo` synthesizes[^\n]*\n\n```\n([\s\S]*?)```/.exec(quickStart)![1];
  const outdir = mkdtempSync(path.join(tmpdir(), 'readme-demo-'));
  try {
    synthesize(new App({ outdir })).synth();
    const printed = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'show-stack.js'), outdir], { encoding: 'utf8' });
    expect(shown).toBe(printed);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

test('README and examples use only the 1.0 names', () => {
  const removed = /\b(ObsInventoryDestination|ObsBucketInventory|ObsInventoryField|CosServiceRole\(|existingBucket|managePolicy|sourceBuckets|reportLocation|InventoryJobEndpoint|ObsEndpoint)\b/;
  const examples = ['new-destination', 'existing-destination', 'one-off-job', 'obs-inventory']
    .map((name) => readFileSync(path.join(ROOT, 'examples', name, 'main.ts'), 'utf8'));
  for (const text of [readme.slice(0, readme.indexOf('## Development')), ...examples]) expect(text).not.toMatch(removed);
});
