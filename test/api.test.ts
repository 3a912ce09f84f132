// The public API as jsii sees it (the .jsii assembly `npm test` compiles first): both service namespaces have the
// same shape, and every construct carries an example (which `npm run examples` compiles with jsii-rosetta).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const assembly = JSON.parse(readFileSync(path.resolve(__dirname, '..', '.jsii'), 'utf8'));
const types: any[] = Object.values(assembly.types);

/** Whether a class derives from constructs' `Construct`. */
function isConstruct(type: any): boolean {
  for (let fqn: string | undefined = type.base; fqn !== undefined; fqn = assembly.types[fqn]?.base) {
    if (fqn === 'constructs.Construct') return true;
  }
  return false;
}

/** The type names of a namespace, without the namespace. */
function namesIn(namespace: string): Set<string> {
  return new Set(types.filter((t) => t.namespace === namespace).map((t) => t.name));
}

/** A type's members by name: what a user of either namespace sees. */
function membersOf(namespace: string, name: string): string[] {
  const type = types.find((t) => t.namespace === namespace && t.name === name);
  return [...(type.properties ?? []), ...(type.methods ?? [])].map((member: any) => member.name).sort();
}

test('every construct has an @example', () => {
  const missing = types.filter((t) => t.kind === 'class' && isConstruct(t) && !t.docs?.example).map((t) => t.fqn);
  expect(missing).toEqual([]);
});

test('cos and obs share construct names; obs adds none of its own', () => {
  const cos = namesIn('cos');
  const obsOnly = [...namesIn('obs')].filter((name) => !cos.has(name));
  expect(obsOnly).toEqual([]);
});

test.each(['BucketInventory', 'CentralInventory', 'IInventoryDestination', 'HandlerOptions'])(
  'cos.%s and its obs namesake have the same members where the services agree', (name) => {
    const cosOnly = new Set(['appId', 'ownerUin', 'serviceRole', 'encryptReports']);
    expect(membersOf('obs', name)).toEqual(membersOf('cos', name).filter((member) => !cosOnly.has(member)));
  });
