// The trimmed schemas the bindings are generated from must agree with the real providers: every resource, attribute,
// type, required/optional/computed flag and nested block. The references are full schema dumps of the provider
// versions the bindings name, kept outside the project (../shared/reference).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffSchemas } from './support/schema-diff';
import { loadSchema, ProviderSchemaJson } from './support/terraform-schema';

const REFERENCE_DIR = process.env.COS_INVENTORY_REFERENCE_DIR ?? path.resolve(__dirname, '..', '..', 'shared', 'reference');

const PROVIDERS = [
  {
    file: 'schema/tencentcloud.json',
    address: 'registry.terraform.io/tencentcloudstack/tencentcloud',
    version: '1.82.102',
    reference: 'tencentcloud-provider-schema.v1.82.102.cos-scf-cam.json',
    resources: ['tencentcloud_cam_policy', 'tencentcloud_cam_role', 'tencentcloud_cam_role_policy_attachment',
      'tencentcloud_cos_bucket', 'tencentcloud_cos_bucket_inventory', 'tencentcloud_cos_bucket_policy'],
    dataSources: ['tencentcloud_user_info'],
  },
  {
    file: 'schema/huaweicloud.json',
    address: 'registry.terraform.io/huaweicloud/huaweicloud',
    version: '1.93.0',
    reference: 'huaweicloud-provider-schema.v1.93.0.obs.json',
    resources: ['huaweicloud_obs_bucket', 'huaweicloud_obs_bucket_policy'],
    dataSources: [],
  },
];

describe.each(PROVIDERS)('trimmed schema $file', (provider) => {
  const trimmed = loadSchema(provider.file);
  const reference = path.join(REFERENCE_DIR, provider.reference);

  test('names the provider version the bindings are generated for', () => {
    expect((trimmed as any).provider_versions).toEqual({ [provider.address]: provider.version });
  });

  test('holds the resources and data sources the library uses, and nothing else', () => {
    const schema = trimmed.provider_schemas[provider.address];
    expect(Object.keys(schema.resource_schemas).sort()).toEqual(provider.resources);
    expect(Object.keys(schema.data_source_schemas ?? {})).toEqual(provider.dataSources);
  });

  if (existsSync(reference)) {
    test(`agrees with the real provider schema (v${provider.version}) in every resource, attribute, flag and block`, () => {
      expect(diffSchemas(provider.address, trimmed, JSON.parse(readFileSync(reference, 'utf8')) as ProviderSchemaJson)).toEqual([]);
    });
  } else {
    // Said loudly: a skipped check must not pass for a checked one.
    console.warn(`SKIPPED: reference schema ${reference} not found; set COS_INVENTORY_REFERENCE_DIR to check ${provider.file} against it.`);
    test.skip(`agrees with the real provider schema (reference ${provider.reference} not found)`, () => undefined);
  }
});

test('a changed flag or an attribute the provider lacks is reported', () => {
  const address = PROVIDERS[0].address;
  const trimmed = loadSchema(PROVIDERS[0].file);
  const altered = JSON.parse(JSON.stringify(trimmed));
  const inventory = altered.provider_schemas[address].resource_schemas.tencentcloud_cos_bucket_inventory.block;
  inventory.attributes.name.optional = true;
  inventory.block_types.filter.block.attributes.tags = { type: 'string', optional: true };
  expect(diffSchemas(address, altered, trimmed)).toEqual([
    expect.stringContaining('tencentcloud_cos_bucket_inventory.name'),
    'resource_schemas.tencentcloud_cos_bucket_inventory.filter.tags: attribute not in the provider',
  ]);
});
