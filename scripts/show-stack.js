#!/usr/bin/env node
// Prints what a synthesized stack will create, read from cdktf.out: every resource with the attributes that
// identify it, the data sources it reads, and the statements of each bucket policy. Offline stand-in for a plan.
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const IDENTIFYING = ['bucket', 'name', 'region', 'acl', 'encryption_algorithm', 'is_enabled', 'included_object_versions'];

/** A periodic config as the handler puts it: what it inventories and where the reports go. */
function describeConfig(c) {
  const filter = c.filter ? ` filter=${JSON.stringify(c.filter)}` : '';
  const fields = c.optionalFields.length > 0 ? ` fields=${c.optionalFields.join(',')}` : '';
  const encryption = c.destination.encryption ? ' SSE-COS reports' : '';
  return `${c.service} inventory ${c.id} on ${c.bucket} enabled=${c.enabled} schedule=${c.frequency} versions=${c.includedObjectVersions}`
    + ` reports to ${c.destination.bucket}/${c.destination.prefix ?? ''}${filter}${fields}${encryption}`;
}

/** What a handler-managed `terraform_data` does: reconcile a destination's periodic configs, or run a one-off job. */
function describeHandlerResource(input) {
  if (input.reconcile) {
    const { ledger, configs, provider } = input.reconcile;
    return [`handler reconciles this destination's configs, ledger ${ledger.bucket}/${ledger.key}`,
      ...Object.values(configs).map((c) => `      puts ${describeConfig(c)}`),
      ...Object.values(provider).map((c) => `      checks ownership of provider-managed ${c.service} inventory ${c.id} on ${c.bucket}`)].join('\n');
  }
  if (input.job) return `handler submits a one-off inventory job on ${input.job.bucket} reporting to ${input.job.destination.bucket}/${input.job.destination.prefix}`;
  return '';
}

function describeResource(type, config) {
  if (type === 'terraform_data') return describeHandlerResource(config.input ?? {});
  const parts = IDENTIFYING.filter((key) => config[key] !== undefined).map((key) => `${key}=${config[key]}`);
  if (config.schedule) parts.push(`schedule=${config.schedule.frequency}`);
  if (config.destination) parts.push(`reports to ${config.destination.bucket}/${config.destination.prefix ?? ''}`);
  if (config.optional_fields) parts.push(`fields=${config.optional_fields.fields.join(',')}`);
  if (config.lifecycle_rules) parts.push(`lifecycle=${config.lifecycle_rules.map((r) => `${r.filter_prefix}* expires after ${r.expiration.days}d`).join(';')}`);
  return parts.join(' ');
}

function describePolicy(policyJson) {
  const policy = JSON.parse(policyJson);
  return policy.Statement.map((s) => `      ${s.Effect} ${s.Action.join(',')} on ${s.Resource.join(',')}`);
}

function showStack(stackDir) {
  const stack = JSON.parse(readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const lines = [`Stack ${path.basename(stackDir)} will create:`];
  let count = 0;
  for (const [type, resources] of Object.entries(stack.resource ?? {})) {
    for (const [name, config] of Object.entries(resources)) {
      count += 1;
      lines.push(`  + ${type}.${name}  ${describeResource(type, config)}`);
      if (type.endsWith('_policy') && typeof config.policy === 'string') lines.push(...describePolicy(config.policy));
    }
  }
  for (const [type, sources] of Object.entries(stack.data ?? {})) {
    for (const name of Object.keys(sources)) lines.push(`  <= data.${type}.${name} (read at plan time)`);
  }
  for (const [name, output] of Object.entries(stack.output ?? {})) lines.push(`  output ${name}: ${output.description ?? ''}`);
  lines.push(`  ${count} resources to add.`);
  console.log(lines.join('\n'));
}

const outdir = process.argv[2] ?? 'cdktf.out';
const stacksDir = path.join(outdir, 'stacks');
for (const stack of readdirSync(stacksDir)) showStack(path.join(stacksDir, stack));
