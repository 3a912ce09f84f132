// The layers of src/ and who may import whom: constructs and handler both build on the contract (spec types,
// environment names, rules, defaults), never on each other, and the contract builds on neither, nor on cdktf or an
// SDK. The report reader is a layer of its own that the handler's commands use. So lib/ ships no handler or reader
// code, and the handler bundle carries no construct code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', 'src');

type Layer = 'contract' | 'handler' | 'report' | 'constructs' | 'bindings';
interface Import { readonly local: boolean; readonly target: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === '.gen') return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports or requires: relative ones as paths under src/, packages by name. */
function importsOf(file: string): Import[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((s) => (s.startsWith('.')
    ? { local: true, target: path.relative(SRC, path.resolve(path.dirname(file), s)) }
    : { local: false, target: s }));
}

function layerOf(relative: string): Layer {
  const top = relative.split(path.sep)[0];
  return top === 'contract' || top === 'handler' || top === 'report' ? top : top === '.gen' ? 'bindings' : 'constructs';
}

/** What each layer may import: local layers, and packages. */
const RULES: Record<Exclude<Layer, 'bindings'>, { layers: Layer[]; packages: (name: string) => boolean }> = {
  contract: { layers: ['contract'], packages: (name) => name === 'valibot' },
  handler: { layers: ['handler', 'report', 'contract'], packages: (name) => !['cdktf', 'constructs'].includes(name) },
  report: { layers: ['report', 'contract'], packages: (name) => !['cdktf', 'constructs', 'cos-nodejs-sdk-v5', 'esdk-obs-nodejs'].includes(name) },
  constructs: { layers: ['constructs', 'contract', 'bindings'], packages: (name) => !/cos-nodejs-sdk-v5|esdk-obs-nodejs|fast-xml-parser/.test(name) },
};

const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), imports: importsOf(file) }));

test.each(Object.keys(RULES) as Array<keyof typeof RULES>)('the %s layer imports only what it may', (layer) => {
  const rule = RULES[layer];
  const offending = files.filter((f) => layerOf(f.file) === layer).flatMap((f) => f.imports
    .filter((i) => (i.local ? !rule.layers.includes(layerOf(i.target)) : !rule.packages(i.target)))
    .map((i) => `${f.file} imports ${i.target}`));
  expect(offending).toEqual([]);
});

test('the guard sees every layer', () => {
  expect(new Set(files.map((f) => layerOf(f.file)))).toEqual(new Set(['contract', 'handler', 'report', 'constructs']));
});
