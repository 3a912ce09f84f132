// Checks synthesized Terraform JSON against a provider schema, the way `terraform validate` would for the parts
// that matter here: known attributes and blocks, required ones present, no computed-only attribute set, values of
// the declared type, block counts within min/max. Offline stand-in for validating against the real provider.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SchemaAttribute { type: unknown; required?: boolean; optional?: boolean; computed?: boolean }
export interface SchemaBlock { attributes?: Record<string, SchemaAttribute>; block_types?: Record<string, NestedBlock> }
export interface NestedBlock { nesting_mode: string; min_items?: number; max_items?: number; block: SchemaBlock }
export interface ProviderSchemaJson {
  provider_schemas: Record<string, {
    provider: { block: SchemaBlock };
    resource_schemas: Record<string, { block: SchemaBlock }>;
    data_source_schemas?: Record<string, { block: SchemaBlock }>;
  }>;
}

const META_ARGUMENTS = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);

export function loadSchema(file: string): ProviderSchemaJson {
  return JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', file), 'utf8'));
}

const isReference = (value: unknown) => typeof value === 'string' && value.includes('${');

function typeErrors(where: string, type: unknown, value: unknown): string[] {
  if (isReference(value)) return [];
  const ok = (cond: boolean) => (cond ? [] : [`${where}: ${JSON.stringify(value)} is not of type ${JSON.stringify(type)}`]);
  if (type === 'string') return ok(typeof value === 'string');
  if (type === 'number') return ok(typeof value === 'number');
  if (type === 'bool') return ok(typeof value === 'boolean');
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) {
    if (!Array.isArray(value)) return ok(false);
    return value.flatMap((item, i) => typeErrors(`${where}[${i}]`, type[1], item));
  }
  if (Array.isArray(type) && type[0] === 'map') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return ok(false);
    return Object.entries(value).flatMap(([k, v]) => typeErrors(`${where}.${k}`, type[1], v));
  }
  return [];
}

export function blockErrors(where: string, block: SchemaBlock, config: Record<string, unknown>, allowMeta = false): string[] {
  const errors: string[] = [];
  const attributes = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  for (const [key, value] of Object.entries(config)) {
    if (allowMeta && META_ARGUMENTS.has(key)) continue;
    const attribute = attributes[key];
    const nested = blocks[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) errors.push(`${where}.${key}: computed-only attribute cannot be set`);
      errors.push(...typeErrors(`${where}.${key}`, attribute.type, value));
    } else if (nested) {
      const items = Array.isArray(value) ? value : [value];
      if (nested.max_items !== undefined && items.length > nested.max_items) errors.push(`${where}.${key}: at most ${nested.max_items} block(s)`);
      items.forEach((item, i) => errors.push(...blockErrors(`${where}.${key}[${i}]`, nested.block, item as Record<string, unknown>)));
    } else {
      errors.push(`${where}.${key}: unknown attribute or block`);
    }
  }
  for (const [key, attribute] of Object.entries(attributes)) {
    if (attribute.required && config[key] === undefined) errors.push(`${where}.${key}: required attribute missing`);
  }
  for (const [key, nested] of Object.entries(blocks)) {
    const count = config[key] === undefined ? 0 : Array.isArray(config[key]) ? (config[key] as unknown[]).length : 1;
    if ((nested.min_items ?? 0) > count) errors.push(`${where}.${key}: at least ${nested.min_items} block(s) required`);
  }
  return errors;
}

/** Every problem the provider schemas find in a synthesized stack (`cdk.tf.json` content). */
export function validateStack(stack: any, schemas: ProviderSchemaJson[]): string[] {
  const providers = schemas.flatMap((schema) => Object.entries(schema.provider_schemas));
  const resources = Object.assign({}, ...providers.map(([, p]) => p.resource_schemas));
  const dataSources = Object.assign({}, ...providers.map(([, p]) => p.data_source_schemas ?? {}));
  const errors: string[] = [];
  const check = (kind: string, known: Record<string, { block: SchemaBlock }>, section: Record<string, Record<string, any>> = {}) => {
    for (const [type, instances] of Object.entries(section)) {
      const schemaOfType = known[type];
      if (!schemaOfType) {
        if (!type.startsWith('terraform_')) errors.push(`${kind} ${type}: not in the provider schema`);
        continue;
      }
      for (const [name, config] of Object.entries(instances)) errors.push(...blockErrors(`${type}.${name}`, schemaOfType.block, config, true));
    }
  };
  check('resource', resources, stack.resource);
  check('data source', dataSources, stack.data);
  for (const [name, configs] of Object.entries(stack.provider ?? {})) {
    const provider = providers.find(([address]) => address.endsWith(`/${name}`));
    if (!provider) {
      errors.push(`provider ${name}: no schema`);
      continue;
    }
    for (const config of configs as Record<string, unknown>[]) {
      const { alias: _alias, ...rest } = config;
      errors.push(...blockErrors(`provider.${name}`, provider[1].provider.block, rest));
    }
  }
  return errors;
}
