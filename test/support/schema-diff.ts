// Compares a trimmed provider schema with the real one it was cut from.
import { NestedBlock, ProviderSchemaJson, SchemaBlock } from './terraform-schema';

function attributeFlags(attribute: Record<string, unknown>) {
  return { type: attribute.type, required: !!attribute.required, optional: !!attribute.optional, computed: !!attribute.computed, sensitive: !!attribute.sensitive };
}

/** Differences between two blocks, as paths; an empty list means they agree. */
export function diffBlocks(where: string, trimmed: SchemaBlock, reference: SchemaBlock): string[] {
  const diffs: string[] = [];
  const refAttributes = reference.attributes ?? {};
  for (const [name, attribute] of Object.entries(trimmed.attributes ?? {})) {
    const ref = refAttributes[name];
    if (!ref) diffs.push(`${where}.${name}: attribute not in the provider`);
    else if (JSON.stringify(attributeFlags(attribute as any)) !== JSON.stringify(attributeFlags(ref as any))) {
      diffs.push(`${where}.${name}: ${JSON.stringify(attributeFlags(attribute as any))} != provider ${JSON.stringify(attributeFlags(ref as any))}`);
    }
  }
  for (const [name, ref] of Object.entries(refAttributes)) {
    if (ref.required && !(trimmed.attributes ?? {})[name]) diffs.push(`${where}.${name}: required attribute missing from the trimmed schema`);
  }
  const refBlocks = reference.block_types ?? {};
  for (const [name, nested] of Object.entries(trimmed.block_types ?? {})) {
    const ref: NestedBlock | undefined = refBlocks[name];
    if (!ref) {
      diffs.push(`${where}.${name}: block not in the provider`);
      continue;
    }
    for (const key of ['nesting_mode', 'min_items', 'max_items'] as const) {
      if (nested[key] !== ref[key]) diffs.push(`${where}.${name}.${key}: ${nested[key]} != provider ${ref[key]}`);
    }
    diffs.push(...diffBlocks(`${where}.${name}`, nested.block, ref.block));
  }
  return diffs;
}

export function diffSchemas(provider: string, trimmed: ProviderSchemaJson, reference: ProviderSchemaJson): string[] {
  const mine = trimmed.provider_schemas[provider];
  const theirs = reference.provider_schemas[provider];
  const diffs = diffBlocks('provider', mine.provider.block, theirs.provider.block);
  for (const kind of ['resource_schemas', 'data_source_schemas'] as const) {
    for (const [name, schema] of Object.entries(mine[kind] ?? {})) {
      const ref = theirs[kind]?.[name];
      if (!ref) diffs.push(`${kind}.${name}: not in the provider`);
      else diffs.push(...diffBlocks(`${kind}.${name}`, schema.block, ref.block));
    }
  }
  return diffs;
}
