#!/usr/bin/env node
// The public API guard between the two builds: the cdktn assembly (build/cdktn/.jsii), with its own package name and
// the core's name mapped back (cdktn -> cdktf), must be the cdktf assembly (.jsii).
//  1. structurally: every field of the assembly and every type, member, parameter, docs text and source location is
//     equal, except the fields that carry the package identity and the core's version (IDENTITY below);
//  2. by jsii-diff, both ways (jsii-diff reports only what breaks users of the first, so one way misses additions),
//     with --error-on all: a type, member or signature that exists in one build only fails here too.
// Usage: node scripts/api-diff.js   (after both jsii compiles). Exits 1 on any difference.
//   node scripts/api-diff.js --against <an older .jsii>: the API of this build against an older assembly of the same
//   package (for a refactor: api/released/.jsii, or a .jsii saved before it), every type, member, signature and
//   docs text; only source locations, the README and the fingerprint may differ.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const FROM = 'cdktn';
const TO = 'cdktf';
/** Assembly fields that differ by design: the package identity, and the core it depends on (name, version, targets). */
const IDENTITY = ['name', 'description', 'keywords', 'targets', 'dependencies', 'dependencyClosure', 'fingerprint'];
/** Fields compared as they are, without the renaming: the README is one file for both packages and names both cores. */
const VERBATIM = ['readme'];

const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The cdktn assembly as the cdktf build would name it: cdktn -> cdktf in every key and string (Cdktn, CDKTN too). */
function renamed(assembly) {
  const text = JSON.stringify(assembly)
    .replace(new RegExp(FROM, 'g'), TO)
    .replace(new RegExp(FROM[0].toUpperCase() + FROM.slice(1), 'g'), TO[0].toUpperCase() + TO.slice(1))
    .replace(new RegExp(FROM.toUpperCase(), 'g'), TO.toUpperCase());
  return JSON.parse(text);
}

/** Paths (a.b[2].c) where two JSON values differ, with both values. */
function differences(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  // Members and parameters are lists of named things: compare them by name, so one addition is one line.
  const named = (v) => Array.isArray(v) && v.every((e) => e && typeof e.name === 'string');
  if (named(a) && named(b)) {
    const byName = (v) => Object.fromEntries(v.map((e) => [e.name, e]));
    return differences(byName(a), byName(b), at);
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}${at ? '.' : ''}${k}`));
  }
  const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 200));
  return [`${at}: ${show(a)} != ${show(b)}`];
}

/** An assembly without what moves when code moves: source locations, the README, the fingerprint. */
function withoutLocations(assembly) {
  const moving = ['locationInModule', 'fingerprint', 'readme'];
  return JSON.parse(JSON.stringify(assembly, (key, value) => (moving.includes(key) ? undefined : value)));
}

/** The --against mode: this build's API against an older assembly of the same package. */
function against(olderFile) {
  const found = differences(withoutLocations(read(olderFile)), withoutLocations(read(path.join(root, '.jsii'))));
  if (found.length > 0) {
    console.error(`The API differs from ${olderFile}:\n${found.map((d) => `  ${d}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`The API equals ${olderFile}: every type, member, signature and docs text (source locations aside).`);
}

function main() {
  const olderIndex = process.argv.indexOf('--against');
  if (olderIndex > 0) return against(path.resolve(process.argv[olderIndex + 1]));
  const cdktf = read(path.join(root, '.jsii'));
  const cdktn = read(path.join(root, 'build', FROM, '.jsii'));
  if (cdktf.name === cdktn.name) throw new Error(`both assemblies are named ${cdktf.name}`);
  const mapped = renamed(cdktn);
  const strip = (assembly) => Object.fromEntries(Object.entries(assembly).filter(([k]) => !IDENTITY.includes(k) && !VERBATIM.includes(k)));
  const found = [
    ...differences(strip(cdktf), strip(mapped)),
    ...VERBATIM.flatMap((k) => differences(cdktf[k], cdktn[k], k)),
  ];

  // jsii-diff loads a package directory (package.json and .jsii) and its dependencies (cdktf, constructs) from
  // node_modules: the mapped assembly goes into build/api-diff/ with the root package.json beside it.
  const dir = path.join(root, 'build', 'api-diff');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify({ ...mapped, dependencies: cdktf.dependencies, dependencyClosure: cdktf.dependencyClosure }));
  const jsiiDiff = path.join(root, 'node_modules', '.bin', 'jsii-diff');
  for (const [from, to] of [[root, dir], [dir, root]]) {
    try {
      execFileSync(jsiiDiff, ['--error-on', 'all', '--keys', from, to], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.split('\n').filter((l) => l && !l.startsWith('!!')).join('\n');
      found.push(`jsii-diff ${path.relative(root, from) || '.'} ${path.relative(root, to) || '.'}:\n${out}`);
    }
  }

  const identity = IDENTITY.filter((k) => JSON.stringify(cdktf[k]) !== JSON.stringify(cdktn[k]))
    .map((k) => `  ${k}: ${JSON.stringify(cdktf[k]).slice(0, 100)} / ${JSON.stringify(cdktn[k]).slice(0, 100)}`);
  if (found.length > 0) {
    console.error(`The ${cdktf.name} and ${cdktn.name} APIs differ beyond the core's name:\n${found.map((d) => `  ${d}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${cdktf.name} and ${cdktn.name}: ${Object.keys(cdktf.types).length} types, the same API but for the core's name `
    + `(jsii-diff both ways: no change). Identity fields that differ by design:\n${identity.join('\n')}`);
}

main();
