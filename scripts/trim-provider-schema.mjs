#!/usr/bin/env node
// Maintainer tool: rebuilds a trimmed provider schema from a full `terraform providers schema -json` dump.
// The project keeps only the provider block and what the library uses, so bindings stay small and the
// schema check (test/provider-schema.test.ts) stays meaningful. Run it when upgrading the provider:
//   node scripts/trim-provider-schema.mjs <full-schema.json> <provider-source> <version> <out.json> <resource|data.NAME>...
import { readFileSync, writeFileSync } from 'node:fs';

const [input, source, version, output, ...wanted] = process.argv.slice(2);
if (!input || !source || !version || !output || wanted.length === 0) {
  console.error('usage: trim-provider-schema.mjs <full.json> <namespace/name> <version> <out.json> <resource|data.NAME>...');
  process.exit(2);
}

const address = `registry.terraform.io/${source}`;
const full = JSON.parse(readFileSync(input, 'utf8'));
const provider = full.provider_schemas[address];
if (!provider) throw new Error(`provider ${address} not found in ${input}`);

const pick = (kind, names) => Object.fromEntries(names.map((name) => {
  const schema = provider[kind]?.[name];
  if (!schema) throw new Error(`${kind}.${name} not found in ${input}`);
  return [name, schema];
}));

const resources = wanted.filter((w) => !w.startsWith('data.')).sort();
const dataSources = wanted.filter((w) => w.startsWith('data.')).map((w) => w.slice(5)).sort();
const trimmed = {
  format_version: full.format_version,
  provider_schemas: {
    [address]: {
      provider: provider.provider,
      resource_schemas: pick('resource_schemas', resources),
      data_source_schemas: pick('data_source_schemas', dataSources),
    },
  },
  // The generator writes this version into the bindings, which keeps the constraint in snapshots stable.
  provider_versions: { [address]: version },
};
writeFileSync(output, JSON.stringify(trimmed, null, 2) + '\n');
console.log(`wrote ${output}: ${resources.length} resources, ${dataSources.length} data sources`);
