// `cos-inventory check`: finding every inventory config of a synthesized stack (cdk.tf.json, with values known only
// after apply from the state), comparing declared with live, and the bundled CLI against the fake COS and fake OBS.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { TerraformVariable } from 'cdktf';
import {
  CheckFiles, checkConfigs, CheckInputError, checkLedgers, combinedExitCode, configsInState, DeclaredConfig, findDeclaredConfigs, findLedgers,
  localStateFile, readStackInput, StateSource, terraformLiteral,
} from '../../src/handler/check';
import { cosPutXml } from '../../src/handler/cos-config-api';
import { parseXml } from '../../src/handler/inventory-xml';
import type { ManagedInventorySpec } from '../../src/contract/spec';
import { compareConfigs, ComparableConfig, flatten, InventoryConfigApi } from '../../src/handler/managed-inventory';
import { BUNDLE, cli } from '../support/cli';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeCos } from '../support/fake-cos';
import { FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY, FakeObs } from '../support/fake-obs';
import { synthJson } from '../support/synth';

const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------------------------------------------------------
// A stack as cdktf synthesizes it: both forms of a handler-managed input.config, provider resources with single
// nested blocks as objects and as one-element arrays, and resources check must pass over.

const DESTINATION = 'qcs::cos:ap-guangzhou::inventorybucket-1250000000';

/** A COS config with a tag filter, so the handler manages it; its prefix holds a literal `${` and `%{`. */
const TAGGED_SPEC: ManagedInventorySpec = {
  version: 1, service: 'cos', bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', id: 'tagged', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'Current', optionalFields: ['Size', 'Tag'],
  filter: { prefix: 'photos/${year}/%{month}/', tags: [{ key: 'team', value: 'media' }] },
  destination: { bucket: 'inventorybucket-1250000000', prefix: 'reports', accountId: '100000000001', encryption: true },
};

/** How the object form carries TAGGED_SPEC: literal text escaped as Terraform templates. */
const TAGGED_INPUT = { ...TAGGED_SPEC, filter: { ...TAGGED_SPEC.filter, prefix: 'photos/$${year}/%%{month}/' } };

const OBS_SPEC: ManagedInventorySpec = {
  version: 1, service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'test_id', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'All', optionalFields: ['Size', 'LastModifiedDate'],
  filter: { prefix: 'inventoryTestPrefix' }, destination: { bucket: 'destbucket', prefix: 'dest-prefix' },
};

const WAREHOUSE_SPEC: ManagedInventorySpec = {
  version: 1, service: 'cos', bucket: 'warehouse-1250000000', region: 'ap-guangzhou', id: 'warehouse-weekly', enabled: true, frequency: 'Weekly',
  includedObjectVersions: 'All', optionalFields: ['Size', 'Tag'], filter: { prefix: 'exports/', period: { startTime: 1704067200 } },
  destination: { bucket: 'inventorybucket-1250000000', prefix: 'reports', accountId: '100000000001', encryption: true },
};

const LOGS_SPEC: ManagedInventorySpec = {
  version: 1, service: 'cos', bucket: 'app-logs-1250000000', region: 'ap-guangzhou', id: 'daily', enabled: false, frequency: 'Daily',
  includedObjectVersions: 'Current', optionalFields: ['Size'],
  destination: { bucket: 'inventorybucket-1250000000', prefix: 'reports', accountId: '100000000001', encryption: false },
};

/** Single nested blocks as one-element arrays. */
const WAREHOUSE_RESOURCE = {
  '//': { metadata: { path: 'inventories/Warehouse/Resource', uniqueId: 'Warehouse_50B5FE91' } },
  name: 'warehouse-weekly', bucket: 'warehouse-1250000000', is_enabled: 'true', included_object_versions: 'All',
  schedule: [{ frequency: 'Weekly' }],
  filter: [{ prefix: 'exports/', period: [{ start_time: '1704067200' }] }],
  optional_fields: [{ fields: ['Size', 'Tag'] }],
  destination: [{ bucket: DESTINATION, account_id: '100000000001', format: 'CSV', prefix: 'reports', encryption: [{ sse_cos: '' }] }],
};

/** Single nested blocks as objects, as the generated bindings synthesize them. */
const LOGS_RESOURCE = {
  '//': { metadata: { path: 'inventories/Logs/Resource', uniqueId: 'Logs_1A2B3C4D' } },
  name: 'daily', bucket: 'app-logs-1250000000', is_enabled: 'false', included_object_versions: 'Current',
  schedule: { frequency: 'Daily' },
  optional_fields: { fields: ['Size'] },
  destination: { bucket: DESTINATION, account_id: '100000000001', format: 'CSV', prefix: 'reports' },
};

function stackDocument(statePath: string, overrides: { tagged?: object; logs?: object; obs?: object } = {}): any {
  return {
    '//': { metadata: { backend: 'local', stackName: 'inventories', version: '0.21.0' } },
    terraform: { backend: { local: { path: statePath } } },
    variable: { src: { type: 'string' } },
    resource: {
      terraform_data: {
        Tagged_Managed_Owner_F1729BCF: { input: { target: { version: 1, service: 'cos', bucket: TAGGED_SPEC.bucket, region: 'ap-guangzhou', id: 'tagged' } } },
        Tagged_Managed_Config_B9885E5A: {
          '//': { metadata: { path: 'inventories/Tagged/Managed/Config', uniqueId: 'Tagged_Managed_Config_B9885E5A' } },
          depends_on: ['terraform_data.Tagged_Managed_Owner_F1729BCF'],
          input: { config: { ...TAGGED_INPUT, ...overrides.tagged } },
          provisioner: [{ 'local-exec': { command: 'put', environment: { INVENTORY_CONFIG: '${jsonencode(self.input.config)}' } } }],
        },
        // The first form: the spec as JSON text.
        Obs_Managed_Config_234E063B: { input: { config: JSON.stringify({ ...OBS_SPEC, ...overrides.obs }) } },
        // A one-off job: not a periodic config.
        Job_Job_6B0A3D2E: { input: { job: { version: 1, bucket: 'examplebucket-1250000000', idPrefix: 'audit' } } },
      },
      tencentcloud_cos_bucket_inventory: {
        Warehouse_50B5FE91: WAREHOUSE_RESOURCE,
        Logs_1A2B3C4D: { ...LOGS_RESOURCE, ...overrides.logs },
      },
      tencentcloud_cos_bucket: { Src: { bucket: 'app-logs-1250000000' } },
    },
  };
}

/** A state as `terraform state pull` prints it. */
function stateDocument(resources: Array<{ type: string; name: string; attributes: object; index_key?: string }>): any {
  const grouped = new Map<string, any>();
  for (const r of resources) {
    const key = `${r.type}.${r.name}`;
    if (!grouped.has(key)) grouped.set(key, { mode: 'managed', type: r.type, name: r.name, provider: 'provider["registry.terraform.io/x/y"]', instances: [] });
    grouped.get(key).instances.push({ ...(r.index_key !== undefined ? { index_key: r.index_key } : {}), schema_version: 0, attributes: r.attributes, sensitive_attributes: [] });
  }
  return { version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'f73c4dda', outputs: {}, resources: [...grouped.values()], check_results: null };
}

/** terraform_data's dynamically typed input, as the state holds it (`{ value, type }`). */
function dataAttributes(config: unknown): object {
  const input = { value: { config }, type: ['object', { config: typeof config === 'string' ? 'string' : ['object', {}] }] };
  return { id: 'beba8314-004f-407d-8cb5-2f85b3657a41', input, output: input, triggers_replace: null };
}

/** A tencentcloud_cos_bucket_inventory as the provider stores it: every block a list, absent strings empty. */
function providerState(spec: ManagedInventorySpec): object {
  return {
    id: `${spec.bucket}#${spec.id}`, name: spec.id, bucket: spec.bucket, is_enabled: String(spec.enabled), included_object_versions: spec.includedObjectVersions,
    schedule: [{ frequency: spec.frequency }],
    filter: spec.filter ? [{ prefix: spec.filter.prefix ?? '', period: [] }] : [],
    optional_fields: [{ fields: spec.optionalFields }],
    destination: [{ bucket: `qcs::cos:${spec.region}::${spec.destination.bucket}`, account_id: spec.destination.accountId ?? '', format: 'CSV', prefix: spec.destination.prefix ?? '', encryption: [] }],
  };
}

const state = (document: any, file = '/state.json'): StateSource => ({ document, file });
const specs = (configs: DeclaredConfig[]) => Object.fromEntries(configs.map((c) => [c.resource, c.spec]));

describe('terraformLiteral', () => {
  test('un-escapes $${ and %%{, and knows an interpolation or directive is no literal', () => {
    expect(terraformLiteral('photos/$${year}/%%{month}/')).toBe('photos/${year}/%{month}/');
    expect(terraformLiteral('plain $ and % and { }')).toBe('plain $ and % and { }');
    expect(terraformLiteral('$$${x}')).toBe('$${x}');
    expect(terraformLiteral('${var.src}')).toBeUndefined();
    expect(terraformLiteral('prefix-${var.src}')).toBeUndefined();
    expect(terraformLiteral('%{ if true }x%{ endif }')).toBeUndefined();
  });
});

describe('findDeclaredConfigs', () => {
  test('finds every config, handler- or provider-managed, in either input.config form and either block form', () => {
    const configs = findDeclaredConfigs(stackDocument('/nowhere.tfstate'), undefined);
    expect(configs.map((c) => [c.resource, c.managedBy, c.constructPath])).toEqual([
      ['terraform_data.Tagged_Managed_Config_B9885E5A', 'handler', 'inventories/Tagged/Managed/Config'],
      ['terraform_data.Obs_Managed_Config_234E063B', 'handler', undefined],
      ['tencentcloud_cos_bucket_inventory.Warehouse_50B5FE91', 'provider', 'inventories/Warehouse/Resource'],
      ['tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D', 'provider', 'inventories/Logs/Resource'],
    ]);
    expect(specs(configs)).toEqual({
      'terraform_data.Tagged_Managed_Config_B9885E5A': TAGGED_SPEC,
      'terraform_data.Obs_Managed_Config_234E063B': OBS_SPEC,
      'tencentcloud_cos_bucket_inventory.Warehouse_50B5FE91': WAREHOUSE_SPEC,
      'tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D': LOGS_SPEC,
    });
  });

  test('object and array block forms of the same provider resource give the same config', () => {
    const asObjects = {
      ...WAREHOUSE_RESOURCE, schedule: { frequency: 'Weekly' }, filter: { prefix: 'exports/', period: { start_time: '1704067200' } },
      optional_fields: { fields: ['Size', 'Tag'] }, destination: { ...WAREHOUSE_RESOURCE.destination[0], encryption: { sse_cos: '' } },
    };
    const found = findDeclaredConfigs({ resource: { tencentcloud_cos_bucket_inventory: { W: asObjects } } }, undefined);
    expect(found.map((c) => c.spec)).toEqual([WAREHOUSE_SPEC]);
  });

  test('a JSON-text input.config is a template too: $${ in it is a literal ${', () => {
    const stack = { resource: { terraform_data: { C: { input: { config: JSON.stringify(TAGGED_INPUT) } } } } };
    expect(findDeclaredConfigs(stack, undefined).map((c) => c.spec)).toEqual([TAGGED_SPEC]);
  });

  test('a value known only after apply, with no state, is refused naming the resource and the field', () => {
    const bucketRef = '${tencentcloud_cos_bucket.Src.bucket}';
    expect(() => findDeclaredConfigs(stackDocument('/x', { tagged: { bucket: bucketRef } }), undefined, 'no state here')).toThrow(new CheckInputError(
      `terraform_data.Tagged_Managed_Config_B9885E5A (inventories/Tagged/Managed/Config): input.config.bucket = ${bucketRef}: known only after apply, `
      + 'and no state here: pass --state FILE (the output of terraform state pull)',
    ));
    expect(() => findDeclaredConfigs(stackDocument('/x', { logs: { bucket: '${var.src}' } }), undefined)).toThrow(
      /^tencentcloud_cos_bucket_inventory\.Logs_1A2B3C4D \(inventories\/Logs\/Resource\): bucket = \$\{var\.src\}: known only after apply/,
    );
    expect(() => findDeclaredConfigs(stackDocument('/x', { obs: { bucket: '${var.obs_bucket}' } }), undefined)).toThrow(
      /^terraform_data\.Obs_Managed_Config_234E063B: input\.config\.bucket = \$\{var\.obs_bucket\}: known only after apply/,
    );
    expect(() => findDeclaredConfigs(stackDocument('/x', { logs: { destination: { ...LOGS_RESOURCE.destination, bucket: 'qcs::cos:ap-guangzhou::${var.dest}' } } }), undefined))
      .toThrow(/Logs_1A2B3C4D \(inventories\/Logs\/Resource\): destination\.bucket = qcs::cos:ap-guangzhou::\$\{var\.dest\}: known only after apply/);
  });

  test('values known only after apply come from the state; known values stay as declared', () => {
    const stack = stackDocument('/x', {
      tagged: { bucket: '${tencentcloud_cos_bucket.Src.bucket}' },
      obs: { bucket: '${var.obs_bucket}' },
      logs: { bucket: '${var.src}', schedule: '${var.schedule}' },
    });
    const applied = stateDocument([
      // The state is older than the stack: its prefix and fields differ, but only the unknown bucket is taken.
      { type: 'terraform_data', name: 'Tagged_Managed_Config_B9885E5A', attributes: dataAttributes({ ...TAGGED_SPEC, prefix: 'old/', optionalFields: [], bucket: 'resolved-1250000000' }) },
      { type: 'terraform_data', name: 'Obs_Managed_Config_234E063B', attributes: dataAttributes(JSON.stringify({ ...OBS_SPEC, bucket: 'resolved-obs' })) },
      { type: 'tencentcloud_cos_bucket_inventory', name: 'Logs_1A2B3C4D', attributes: { ...providerState({ ...LOGS_SPEC, bucket: 'resolved-logs-1250000000', frequency: 'Weekly' }) } },
    ]);
    expect(specs(findDeclaredConfigs(stack, state(applied)))).toEqual({
      'terraform_data.Tagged_Managed_Config_B9885E5A': { ...TAGGED_SPEC, bucket: 'resolved-1250000000' },
      'terraform_data.Obs_Managed_Config_234E063B': { ...OBS_SPEC, bucket: 'resolved-obs' },
      'tencentcloud_cos_bucket_inventory.Warehouse_50B5FE91': WAREHOUSE_SPEC,
      'tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D': { ...LOGS_SPEC, bucket: 'resolved-logs-1250000000', frequency: 'Weekly' },
    });
  });

  test('a state without the resource names it as not applied yet', () => {
    const stack = stackDocument('/x', { logs: { bucket: '${var.src}' } });
    expect(() => findDeclaredConfigs(stack, state(stateDocument([]), '/ci/state.json'))).toThrow(
      'tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D (inventories/Logs/Resource): bucket = ${var.src}: known only after apply, and /ci/state.json does not hold the resource (not applied yet?)',
    );
  });

  test('a JSON-text config that is an expression as a whole comes from the state', () => {
    const stack = { resource: { terraform_data: { C: { input: { config: '${jsonencode(local.spec)}' } } } } };
    expect(() => findDeclaredConfigs(stack, undefined)).toThrow(/^terraform_data\.C: input\.config = \$\{jsonencode\(local\.spec\)\}: known only after apply/);
    const applied = stateDocument([{ type: 'terraform_data', name: 'C', attributes: dataAttributes(JSON.stringify(OBS_SPEC)) }]);
    expect(findDeclaredConfigs(stack, state(applied)).map((c) => c.spec)).toEqual([OBS_SPEC]);
  });

  test('for_each and count resources are read per instance from the state', () => {
    const stack = { resource: { tencentcloud_cos_bucket_inventory: { Each: { ...LOGS_RESOURCE, for_each: '${toset(var.buckets)}', bucket: '${each.value}' } } } };
    expect(() => findDeclaredConfigs(stack, undefined)).toThrow(/^tencentcloud_cos_bucket_inventory\.Each \(inventories\/Logs\/Resource\): for_each = "\$\{toset\(var\.buckets\)\}": its instances are known only from the state/);
    const applied = stateDocument(['a-1250000000', 'b-1250000000'].map((bucket) => (
      { type: 'tencentcloud_cos_bucket_inventory', name: 'Each', index_key: bucket, attributes: providerState({ ...LOGS_SPEC, bucket }) })));
    expect(specs(findDeclaredConfigs(stack, state(applied)))).toEqual({
      'tencentcloud_cos_bucket_inventory.Each["a-1250000000"]': { ...LOGS_SPEC, bucket: 'a-1250000000' },
      'tencentcloud_cos_bucket_inventory.Each["b-1250000000"]': { ...LOGS_SPEC, bucket: 'b-1250000000' },
    });
  });

  test('a handler config the handler would refuse is bad input, naming the rule', () => {
    expect(() => findDeclaredConfigs(stackDocument('/x', { tagged: { frequency: 'Monthly' } }), undefined)).toThrow(
      'terraform_data.Tagged_Managed_Config_B9885E5A (inventories/Tagged/Managed/Config): the declared config is refused:\n  frequency = "Monthly": must be one of Daily, Weekly',
    );
    expect(() => findDeclaredConfigs(stackDocument('/x', { logs: { destination: { bucket: 'inventorybucket-1250000000', format: 'CSV' } } }), undefined))
      .toThrow('destination.bucket = "inventorybucket-1250000000": must be qcs::cos:<region>::<bucket>');
  });

  test('configs in a state alone (check --state FILE without a stack)', () => {
    const applied = stateDocument([
      { type: 'terraform_data', name: 'Owner', attributes: { input: { value: { target: { version: 1 } }, type: ['object', {}] } } },
      { type: 'terraform_data', name: 'Tagged', attributes: dataAttributes(TAGGED_SPEC) },
      { type: 'terraform_data', name: 'Obs', attributes: dataAttributes(JSON.stringify(OBS_SPEC)) },
      { type: 'tencentcloud_cos_bucket_inventory', name: 'Logs', attributes: providerState(LOGS_SPEC) },
    ]);
    // State values are already evaluated: the `${` in the tagged prefix is text, not an expression.
    expect(specs(configsInState(state(applied)))).toEqual({
      'terraform_data.Tagged': TAGGED_SPEC, 'terraform_data.Obs': OBS_SPEC, 'tencentcloud_cos_bucket_inventory.Logs': LOGS_SPEC,
    });
  });

  test('finds what the constructs synthesize, whichever resource manages each config', () => {
    // Required here, so that the rest of this file runs while the constructs are being changed.
    const { BucketPolicyOwner, cos, InventoryFrequency, InventoryObjectVersions, obs } = require('../../src') as typeof import('../../src');
    const json = synthJson((scope) => {
      const destination = cos.InventoryDestination.fromBucketAttributes(scope, 'Dest', {
        bucketName: 'inventorybucket-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001', reportPrefix: 'reports', policyOwner: BucketPolicyOwner.ELSEWHERE,
      });
      new cos.BucketInventory(scope, 'Tagged', {
        destination, bucketName: 'examplebucket-1250000000', inventoryId: 'tagged', filter: { prefix: 'photos/${year}/%{month}/', objectTags: { team: 'media' } },
        optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.TAG],
      });
      new cos.BucketInventory(scope, 'Warehouse', {
        destination, bucketName: 'warehouse-1250000000', inventoryId: 'warehouse-weekly', frequency: InventoryFrequency.WEEKLY, includedObjectVersions: InventoryObjectVersions.ALL,
        filter: { prefix: 'exports/', createdAfter: 1704067200 }, optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.TAG], encryptReports: false,
      });
      const source = new TerraformVariable(scope, 'src', { type: 'string' });
      new cos.BucketInventory(scope, 'Var', { destination, bucketName: source.stringValue, appId: '1250000000', inventoryId: 'var' });
      const obsDestination = obs.InventoryDestination.fromBucketAttributes(scope, 'ObsDest', {
        bucketName: 'destbucket', region: 'cn-north-4', reportPrefix: 'dest-prefix', policyOwner: BucketPolicyOwner.ELSEWHERE,
      });
      new obs.BucketInventory(scope, 'Obs', {
        destination: obsDestination, bucketName: 'examplebucket', inventoryId: 'test_id', filter: { prefix: 'inventoryTestPrefix' },
        includedObjectVersions: InventoryObjectVersions.ALL, optionalFields: [obs.InventoryField.SIZE, obs.InventoryField.LAST_MODIFIED_DATE],
      });
    });
    expect(() => findDeclaredConfigs(json, undefined)).toThrow(/bucket = \$\{var\.src\}: known only after apply/);
    // The Var config is in the COS destination's reconciler, labelled by its construct path (its bucket is not known yet).
    const [name, reconciler] = Object.entries<any>(json.resource.terraform_data).find(([, body]) => 'test/Var' in (body.input?.reconcile?.configs ?? {}))!;
    const resolved = JSON.parse(JSON.stringify(reconciler).split('${var.src}').join('var-1250000000'));
    const applied = stateDocument([{ type: 'terraform_data', name, attributes: { id: 'beba8314-004f-407d-8cb5-2f85b3657a41', input: resolved.input } }]);
    const found = findDeclaredConfigs(json, state(applied)).map((c) => c.spec);
    const { filter: _tags, ...untagged } = TAGGED_SPEC;
    expect(found).toEqual(expect.arrayContaining([
      { ...TAGGED_SPEC, filter: { prefix: 'photos/${year}/%{month}/', tags: [{ key: 'team', value: 'media' }] } },
      { ...WAREHOUSE_SPEC, destination: { ...WAREHOUSE_SPEC.destination, encryption: false } },
      { ...untagged, bucket: 'var-1250000000', id: 'var', optionalFields: [] },
      OBS_SPEC,
    ]));
    expect(found).toHaveLength(4);
  });
});

describe('reading the stack directory and its state', () => {
  function files(contents: Record<string, string>): CheckFiles {
    return { readText: (file) => contents[path.resolve(file)] };
  }

  test('the local state is where the stack\'s local backend says (cdktf: <synth directory>/terraform.<stack>.tfstate)', () => {
    expect(localStateFile({ terraform: { backend: { local: { path: '/work/app/terraform.inventories.tfstate' } } } }, '/work/app/cdktf.out/stacks/inventories'))
      .toEqual({ file: '/work/app/terraform.inventories.tfstate', backend: 'local' });
    expect(localStateFile({ terraform: { backend: { local: { path: 'state/x.tfstate' } } } }, '/s')).toEqual({ file: '/s/state/x.tfstate', backend: 'local' });
    expect(localStateFile({ terraform: { backend: { local: {} } } }, '/s')).toEqual({ file: '/s/terraform.tfstate', backend: 'local' });
    expect(localStateFile({}, '/s')).toEqual({ file: '/s/terraform.tfstate' });
    expect(localStateFile({ terraform: { backend: { cos: { bucket: 'tfstate-1250000000' } } } }, '/s')).toEqual({ backend: 'cos' });
  });

  test('reads the local state when it exists, --state when given, and refuses what is not there or not a state', () => {
    const stack = stackDocument('/app/terraform.inventories.tfstate', { logs: { bucket: '${var.src}' } });
    const applied = JSON.stringify(stateDocument([{ type: 'tencentcloud_cos_bucket_inventory', name: 'Logs_1A2B3C4D', attributes: providerState(LOGS_SPEC) }]));
    const withLocal = readStackInput('/app/stack', undefined, files({ '/app/stack/cdk.tf.json': JSON.stringify(stack), '/app/terraform.inventories.tfstate': applied }));
    expect(withLocal.stateFile).toBe('/app/terraform.inventories.tfstate');
    expect(withLocal.configs).toHaveLength(4);
    expect(readStackInput('/app/stack', '/ci/pulled.json', files({ '/app/stack/cdk.tf.json': JSON.stringify(stack), '/ci/pulled.json': applied })).stateFile).toBe('/ci/pulled.json');

    expect(() => readStackInput('/app/stack', undefined, files({ '/app/stack/cdk.tf.json': JSON.stringify(stack) }))).toThrow(
      'and no state was given and the stack\'s local state /app/terraform.inventories.tfstate does not exist: pass --state FILE',
    );
    expect(() => readStackInput('/app/other', undefined, files({}))).toThrow('no synthesized stack in /app/other: /app/other/cdk.tf.json does not exist');
    expect(() => readStackInput('/app/stack', '/ci/none.json', files({ '/app/stack/cdk.tf.json': '{}' }))).toThrow('--state /ci/none.json does not exist');
    expect(() => readStackInput('/app/stack', '/ci/bad.json', files({ '/app/stack/cdk.tf.json': '{}', '/ci/bad.json': '{"version":3}' })))
      .toThrow('--state /ci/bad.json is not a Terraform state (the JSON of terraform state pull, format version 4)');
    expect(() => readStackInput('/app/stack', undefined, files({ '/app/stack/cdk.tf.json': '{not json' }))).toThrow(/^\/app\/stack\/cdk\.tf\.json is not JSON/);
    expect(readStackInput(undefined, '/ci/pulled.json', files({ '/ci/pulled.json': applied })).configs.map((c) => c.spec)).toEqual([LOGS_SPEC]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Comparing and checking.

const cosComparable = (spec: ManagedInventorySpec): ComparableConfig => flatten(parseXml(cosPutXml(spec)).InventoryConfiguration);
const xmlComparable = (xml: string): ComparableConfig => flatten(parseXml(xml).InventoryConfiguration);

describe('compareConfigs', () => {
  test('the same config compares equal', () => {
    expect(compareConfigs(cosComparable(TAGGED_SPEC), cosComparable(TAGGED_SPEC))).toEqual([]);
  });

  test('an empty element is no element, but lost report encryption is a difference', () => {
    const declared = cosComparable({ ...LOGS_SPEC, destination: { ...LOGS_SPEC.destination, prefix: '' } });
    const live = xmlComparable(cosPutXml(LOGS_SPEC).replace('<Prefix>reports</Prefix>', ''));
    expect(compareConfigs(declared, live)).toEqual([]);
    expect(compareConfigs(cosComparable(WAREHOUSE_SPEC), xmlComparable(cosPutXml(WAREHOUSE_SPEC).replace('<Encryption><SSE-COS></SSE-COS></Encryption>', '')))).toEqual([
      { field: 'Destination.COSBucketDestination.Encryption', declared: 'SSE-COS', live: undefined },
    ]);
  });

  test('for a provider-managed config the prefix belongs in Filter/And: the handler\'s form is drift (the provider reads no prefix)', () => {
    const provider = (xml: string) => xmlComparable(xml);
    expect(cosPutXml(WAREHOUSE_SPEC, 'provider')).toContain('<Filter><And><Prefix>exports/</Prefix></And><Period><StartTime>1704067200</StartTime></Period></Filter>');
    expect(compareConfigs(cosComparable(WAREHOUSE_SPEC), provider(cosPutXml(WAREHOUSE_SPEC, 'provider')))).toEqual([]);
    expect(compareConfigs(provider(cosPutXml(WAREHOUSE_SPEC, 'provider')), provider(cosPutXml(WAREHOUSE_SPEC, 'provider')), 'provider')).toEqual([]);
    expect(compareConfigs(provider(cosPutXml(WAREHOUSE_SPEC, 'provider')), cosComparable(WAREHOUSE_SPEC), 'provider')).toEqual([
      { field: 'Filter.And.Prefix', declared: 'exports/', live: undefined },
      { field: 'Filter.Prefix', declared: undefined, live: 'exports/' },
    ]);
  });

  test('a tag filter added live is one difference, whether or not COS wraps the prefix in And', () => {
    const live = xmlComparable(cosPutXml(WAREHOUSE_SPEC).replace('<Prefix>exports/</Prefix>', '<And><Prefix>exports/</Prefix><Tag><Key>team</Key><Value>media</Value></Tag></And>'));
    expect(compareConfigs(cosComparable(WAREHOUSE_SPEC), live)).toEqual([{ field: 'Filter.Tag', declared: undefined, live: 'team=media' }]);
  });
});

/** An in-memory service holding COS configs as XML, as the fake does. */
function memoryApi(held: Map<string, string>, fail?: Error): InventoryConfigApi {
  return {
    async put(spec, owner) { held.set(spec.id, cosPutXml(spec, owner)); },
    async read(target) {
      if (fail) throw fail;
      const xml = held.get(target.id);
      return xml === undefined ? undefined : xmlComparable(xml);
    },
    expected: (spec, owner) => xmlComparable(cosPutXml(spec, owner)),
    async delete(target) { return held.delete(target.id); },
  };
}

describe('checkConfigs', () => {
  const declared = (spec: ManagedInventorySpec): DeclaredConfig => ({ resource: `terraform_data.${spec.id}`, managedBy: 'handler', spec });
  let printed: string[];
  const deps = (api: InventoryConfigApi) => ({ apiFor: () => api, print: (l: string) => printed.push(l), log: () => undefined, sleep: async () => undefined, random: () => 0 });
  beforeEach(() => { printed = []; });

  test('reports each differing field and a missing config, exit 3; repair puts them back, exit 0', async () => {
    const held = new Map([['tagged', cosPutXml(TAGGED_SPEC).replace('<IsEnabled>true</IsEnabled>', '<IsEnabled>false</IsEnabled>')], ['warehouse-weekly', cosPutXml(WAREHOUSE_SPEC)]]);
    const configs = [declared(TAGGED_SPEC), declared(WAREHOUSE_SPEC), declared(LOGS_SPEC)];
    expect(await checkConfigs(configs, false, deps(memoryApi(held)))).toMatchObject({ exitCode: 3, matching: 1, drifted: 1, missing: 1 });
    expect(printed).toEqual([
      'cos examplebucket-1250000000 tagged: IsEnabled: declared "true", live "false"',
      'cos warehouse-1250000000 warehouse-weekly: matches (terraform_data.warehouse-weekly)',
      'cos app-logs-1250000000 daily: missing',
      'checked 3 inventory config(s): 1 match, 1 drifted, 1 missing',
    ]);
    printed = [];
    expect(await checkConfigs(configs, true, deps(memoryApi(held)))).toMatchObject({ exitCode: 0, repaired: 2 });
    expect(printed).toContain('cos app-logs-1250000000 daily: repaired: put the declared config and read it back');
    expect(printed[printed.length - 1]).toBe('checked 3 inventory config(s): 1 match, 1 drifted, 1 missing, 2 repaired');
    expect(held.get('tagged')).toBe(cosPutXml(TAGGED_SPEC));
    expect(held.get('daily')).toBe(cosPutXml(LOGS_SPEC));
  });

  test('a provider-managed config is compared and repaired in the provider\'s form; every result is returned for --json', async () => {
    const held = new Map([['warehouse-weekly', cosPutXml(WAREHOUSE_SPEC)]]);
    const warehouse: DeclaredConfig = { resource: 'tencentcloud_cos_bucket_inventory.Warehouse', managedBy: 'provider', spec: WAREHOUSE_SPEC };
    const drift = await checkConfigs([warehouse, declared(LOGS_SPEC)], false, deps(memoryApi(held)));
    expect(drift.exitCode).toBe(3);
    expect(drift.configs).toEqual([
      {
        address: 'tencentcloud_cos_bucket_inventory.Warehouse', service: 'cos', bucket: 'warehouse-1250000000', region: 'ap-guangzhou', id: 'warehouse-weekly',
        path: 'provider', status: 'drifted', differences: [
          { field: 'Filter.And.Prefix', declared: 'exports/', live: undefined },
          { field: 'Filter.Prefix', declared: undefined, live: 'exports/' },
        ],
      },
      { address: 'terraform_data.daily', service: 'cos', bucket: 'app-logs-1250000000', region: 'ap-guangzhou', id: 'daily', path: 'handler', status: 'missing', differences: [] },
    ]);
    const repaired = await checkConfigs([warehouse, declared(LOGS_SPEC)], true, deps(memoryApi(held)));
    expect(repaired.configs.map((c) => [c.status, c.repaired])).toEqual([['drifted', true], ['missing', true]]);
    expect(held.get('warehouse-weekly')).toBe(cosPutXml(WAREHOUSE_SPEC, 'provider'));
    expect((await checkConfigs([warehouse], false, deps(memoryApi(held)))).configs[0].status).toBe('matches');
  });

  test('a failed request is reported, the other configs are still checked, exit 1', async () => {
    const broken = memoryApi(new Map(), new Error('no route to host'));
    const result = await checkConfigs([declared(TAGGED_SPEC)], false, { ...deps(broken), apiFor: (service: string) => { if (service === 'obs') throw new Error('HW_ACCESS_KEY and HW_SECRET_KEY must be set'); return broken; } });
    expect(result.exitCode).toBe(1);
    expect(printed).toEqual(['cos examplebucket-1250000000 tagged: GET Bucket inventory failed: no route to host', 'checked 1 inventory config(s): 0 match, 0 drifted, 0 missing, 1 failed']);
    printed = [];
    expect((await checkConfigs([declared(OBS_SPEC)], false, { ...deps(broken), apiFor: () => { throw new Error('HW_ACCESS_KEY and HW_SECRET_KEY must be set'); } })).exitCode).toBe(1);
    expect(printed[0]).toBe('obs examplebucket test_id: HW_ACCESS_KEY and HW_SECRET_KEY must be set');
  });

  test('drift and a failed request in the same run: exit 4, so neither hides the other', async () => {
    const held = new Map([['tagged', cosPutXml(TAGGED_SPEC).replace('<IsEnabled>true</IsEnabled>', '<IsEnabled>false</IsEnabled>')]]);
    const apiFor = (service: string) => { if (service === 'obs') throw new Error('HW_ACCESS_KEY and HW_SECRET_KEY must be set'); return memoryApi(held); };
    const result = await checkConfigs([declared(TAGGED_SPEC), declared(OBS_SPEC)], false, { ...deps(memoryApi(held)), apiFor });
    expect(result).toMatchObject({ exitCode: 4, drifted: 1, failed: 1 });
    expect(printed[printed.length - 1]).toBe('checked 2 inventory config(s): 0 match, 1 drifted, 0 missing, 1 failed');
  });
});

describe('checkLedgers: configs the stack put and no longer declares', () => {
  const LOCATION = { bucket: 'inventorybucket-1250000000', region: 'ap-guangzhou', key: '.cos-inventory/ledgers/inventories.json' };
  const LEDGERS = [{ resource: 'terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694', service: 'cos' as const, location: LOCATION }];
  const entry = (spec: ManagedInventorySpec, by = 'handler') => ({ version: 1, service: spec.service, bucket: spec.bucket, region: spec.region, id: spec.id, by });
  const ledgerText = JSON.stringify({
    version: 1, generation: 'g', configs: {
      'examplebucket-1250000000/tagged': entry(TAGGED_SPEC), 'warehouse-1250000000/warehouse-weekly': entry(WAREHOUSE_SPEC),
      'app-logs-1250000000/daily': entry(LOGS_SPEC, 'provider'),
    },
  });
  let printed: string[];
  const deps = (api: InventoryConfigApi, text: string | null = ledgerText) => ({
    apiFor: () => api, print: (l: string) => printed.push(l), log: () => undefined, sleep: async () => undefined, random: () => 0,
    ledgerFor: () => ({ name: `cos://${LOCATION.bucket}/${LOCATION.key}`, read: async () => text ?? undefined, write: async () => undefined, remove: async () => undefined }),
  });
  const declared = (spec: ManagedInventorySpec): DeclaredConfig => ({ resource: `terraform_data.${spec.id}`, managedBy: 'handler', spec });
  beforeEach(() => { printed = []; });

  test('one still on its bucket is reported undeclared, exit 3; --repair deletes it, exit 0; provider-managed ones are their resource\'s', async () => {
    const held = new Map([['tagged', cosPutXml(TAGGED_SPEC)], ['warehouse-weekly', cosPutXml(WAREHOUSE_SPEC)], ['daily', cosPutXml(LOGS_SPEC)]]);
    expect(await checkLedgers(LEDGERS, [declared(TAGGED_SPEC)], false, deps(memoryApi(held)))).toEqual({ exitCode: 3, undeclared: 1, deleted: 0, failed: 0 });
    expect(printed).toEqual([
      `cos warehouse-1250000000 warehouse-weekly: undeclared: this stack put it (cos://${LOCATION.bucket}/${LOCATION.key}) and no longer declares it; the next apply deletes it, or --repair now`,
      'checked 1 ledger(s): 1 undeclared',
    ]);
    printed = [];
    expect(await checkLedgers(LEDGERS, [declared(TAGGED_SPEC)], true, deps(memoryApi(held)))).toEqual({ exitCode: 0, undeclared: 1, deleted: 1, failed: 0 });
    expect(printed).toContain('cos warehouse-1250000000 warehouse-weekly: repaired: deleted');
    expect(held.has('warehouse-weekly')).toBe(false);
    expect(held.has('daily')).toBe(true);
  });

  test('one the ledger lists and the bucket no longer holds is not reported; no ledger, nothing to report', async () => {
    const held = new Map([['tagged', cosPutXml(TAGGED_SPEC)]]);
    expect((await checkLedgers(LEDGERS, [declared(TAGGED_SPEC)], false, deps(memoryApi(held)))).exitCode).toBe(0);
    expect((await checkLedgers(LEDGERS, [], false, deps(memoryApi(held), null))).exitCode).toBe(0);
    expect(printed).toEqual(['checked 1 ledger(s): 0 undeclared', 'checked 1 ledger(s): 0 undeclared']);
  });

  test('a ledger that cannot be read fails the check, exit 1', async () => {
    const result = await checkLedgers(LEDGERS, [], false, { ...deps(memoryApi(new Map())), ledgerFor: () => { throw new Error('TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set'); } });
    expect(result.exitCode).toBe(1);
    expect(printed[0]).toBe('terraform_data.Dest_InventoryConfigs_Reconciler_A16E3694: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set');
  });

  test('the exit code of configs and ledgers together: drift and a failed request both show', () => {
    expect(combinedExitCode(0, 3)).toBe(3);
    expect(combinedExitCode(0, 1)).toBe(1);
    expect(combinedExitCode(3, 1)).toBe(4);
    expect(combinedExitCode(4, 0)).toBe(4);
    expect(combinedExitCode(2, 3)).toBe(2);
    expect(combinedExitCode(0, 0)).toBe(0);
  });

  test('findLedgers reads each reconciler\'s ledger location from the stack, and from the state when it holds a reference', () => {
    const stack = { resource: { terraform_data: { R: { input: { reconcile: { service: 'cos', ledger: { ...LOCATION, bucket: '${tencentcloud_cos_bucket.B.bucket}' }, configs: {} } } } } } };
    expect(() => findLedgers(stack, undefined)).toThrow(/terraform_data\.R: input\.reconcile\.ledger\.bucket = \$\{tencentcloud_cos_bucket\.B\.bucket\}: known only after apply/);
    const applied = stateDocument([{ type: 'terraform_data', name: 'R', attributes: { id: 'g', input: { value: { reconcile: { service: 'cos', ledger: LOCATION } }, type: 'object' } } }]);
    expect(findLedgers(stack, state(applied))).toEqual([{ resource: 'terraform_data.R', service: 'cos', location: LOCATION }]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The bundled CLI against the fake COS and the fake OBS.


describe('cos-inventory check (bundled CLI)', () => {
  let cos: FakeCos;
  let obs: FakeObs;
  let dir: string;
  let stackDir: string;
  const env = () => ({
    TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, ...cos.handlerEnv,
    HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, ...obs.handlerEnv,
  });
  const writeStack = (stack: object) => writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(stack, null, 2));
  const cosXml = (bucket: string, id: string) => cos.configs.get(bucket)?.get(id);
  /** Puts each declared config with the CLI's own `put`: the services then hold exactly what the stack declares. */
  async function seed(): Promise<void> {
    const { configs } = readStackInput(stackDir, undefined, { readText: (file) => { try { return readFileSync(file, 'utf8'); } catch { return undefined; } } });
    for (const { spec, managedBy } of configs) {
      if (managedBy === 'provider') {
        // What tencentcloud_cos_bucket_inventory puts: the prefix inside Filter/And.
        if (!cos.configs.has(spec.bucket)) cos.configs.set(spec.bucket, new Map());
        cos.configs.get(spec.bucket)!.set(spec.id, cosPutXml(spec, 'provider'));
        continue;
      }
      const put = await cli(['put'], { ...env(), INVENTORY_CONFIG: JSON.stringify(spec) });
      expect(put.stderr).not.toContain('error'); expect(put.code).toBe(0);
    }
  }
  const noSecrets = (result: { stdout: string; stderr: string }) => {
    for (const secret of [FAKE_SECRET_ID, FAKE_SECRET_KEY, FAKE_OBS_ACCESS_KEY, FAKE_OBS_SECRET_KEY]) expect(result.stdout + result.stderr).not.toContain(secret);
  };

  beforeEach(async () => {
    cos = await new FakeCos().start();
    obs = await new FakeObs().start();
    dir = mkdtempSync(path.join(tmpdir(), 'cos-inventory-check-'));
    stackDir = path.join(dir, 'cdktf.out', 'stacks', 'inventories');
    mkdirSync(stackDir, { recursive: true });
    writeStack(stackDocument(path.join(dir, 'terraform.inventories.tfstate')));
  });
  afterEach(async () => {
    await cos.stop();
    await obs.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('nothing changed: every config matches, exit 0', async () => {
    await seed();
    const result = await cli(['check', stackDir], env());
    expect(result.stdout.split('\n')).toEqual([
      'cos examplebucket-1250000000 tagged: matches (terraform_data.Tagged_Managed_Config_B9885E5A)',
      'obs examplebucket test_id: matches (terraform_data.Obs_Managed_Config_234E063B)',
      'cos warehouse-1250000000 warehouse-weekly: matches (tencentcloud_cos_bucket_inventory.Warehouse_50B5FE91)',
      'cos app-logs-1250000000 daily: matches (tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D)',
      'checked 4 inventory config(s): 4 match, 0 drifted, 0 missing',
      '',
    ]);
    expect(result.code).toBe(0);
    noSecrets(result);
  });

  test('edited, deleted and extended configs are reported field by field, exit 3; --repair restores them; then exit 0', async () => {
    await seed();
    const warehouse = cos.configs.get('warehouse-1250000000')!;
    const tagged = cos.configs.get('examplebucket-1250000000')!;
    // Edited in the console: IsEnabled flipped; the prefix changed and a tag filter added.
    tagged.set('tagged', tagged.get('tagged')!.replace('<IsEnabled>true</IsEnabled>', '<IsEnabled>false</IsEnabled>'));
    warehouse.set('warehouse-weekly', warehouse.get('warehouse-weekly')!.replace(
      '<And><Prefix>exports/</Prefix></And>', '<And><Prefix>imports/</Prefix><Tag><Key>team</Key><Value>media</Value></Tag></And>'));
    // Deleted.
    cos.configs.get('app-logs-1250000000')!.delete('daily');
    // An optional field added on OBS.
    obs.configs.get('examplebucket')!.get('test_id').OptionalFields.Field.push('ETag');

    const drift = await cli(['check', stackDir], env());
    expect(drift.stdout.split('\n')).toEqual([
      'cos examplebucket-1250000000 tagged: IsEnabled: declared "true", live "false"',
      'obs examplebucket test_id: OptionalFields.Field: declared "LastModifiedDate,Size", live "ETag,LastModifiedDate,Size"',
      'cos warehouse-1250000000 warehouse-weekly: Filter.And.Prefix: declared "exports/", live "imports/"',
      'cos warehouse-1250000000 warehouse-weekly: Filter.And.Tag: declared (none), live "team=media"',
      'cos app-logs-1250000000 daily: missing',
      'checked 4 inventory config(s): 0 match, 3 drifted, 1 missing',
      '',
    ]);
    expect(drift.code).toBe(3);
    noSecrets(drift);

    const repair = await cli(['check', stackDir, '--repair'], env());
    expect(repair.stdout).toContain('cos examplebucket-1250000000 tagged: repaired: put the declared config and read it back');
    expect(repair.stdout).toContain('cos app-logs-1250000000 daily: repaired: put the declared config and read it back');
    expect(repair.stdout).toContain('checked 4 inventory config(s): 0 match, 3 drifted, 1 missing, 4 repaired\n');
    expect(repair.code).toBe(0);
    noSecrets(repair);
    expect(cosXml('examplebucket-1250000000', 'tagged')).toBe(cosPutXml(TAGGED_SPEC));
    expect(cosXml('warehouse-1250000000', 'warehouse-weekly')).toBe(cosPutXml(WAREHOUSE_SPEC, 'provider'));
    expect(cosXml('app-logs-1250000000', 'daily')).toBe(cosPutXml(LOGS_SPEC, 'provider'));
    expect(obs.configs.get('examplebucket')?.get('test_id').OptionalFields).toEqual({ Field: ['Size', 'LastModifiedDate'] });

    const again = await cli(['check', stackDir], env());
    expect(again.stdout).toContain('checked 4 inventory config(s): 4 match, 0 drifted, 0 missing\n');
    expect(again.code).toBe(0);
  });

  test('--json: one document on stdout, one object per config, the same exit codes', async () => {
    await seed();
    const tagged = cos.configs.get('examplebucket-1250000000')!;
    tagged.set('tagged', tagged.get('tagged')!.replace('<IsEnabled>true</IsEnabled>', '<IsEnabled>false</IsEnabled>'));
    cos.configs.get('app-logs-1250000000')!.delete('daily');
    const drift = await cli(['check', stackDir, '--json'], env());
    expect(drift.code).toBe(3);
    const document = JSON.parse(drift.stdout);
    expect(document).toMatchObject({ exitCode: 3, checked: 4, matching: 2, drifted: 1, missing: 1, repaired: 0, failed: 0 });
    expect(document.configs).toEqual([
      {
        address: 'terraform_data.Tagged_Managed_Config_B9885E5A', service: 'cos', bucket: 'examplebucket-1250000000', region: 'ap-guangzhou', id: 'tagged',
        path: 'handler', status: 'drifted', differences: [{ field: 'IsEnabled', declared: 'true', live: 'false' }],
      },
      { address: 'terraform_data.Obs_Managed_Config_234E063B', service: 'obs', bucket: 'examplebucket', region: 'cn-north-4', id: 'test_id', path: 'handler', status: 'matches', differences: [] },
      {
        address: 'tencentcloud_cos_bucket_inventory.Warehouse_50B5FE91', service: 'cos', bucket: 'warehouse-1250000000', region: 'ap-guangzhou', id: 'warehouse-weekly',
        path: 'provider', status: 'matches', differences: [],
      },
      { address: 'tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D', service: 'cos', bucket: 'app-logs-1250000000', region: 'ap-guangzhou', id: 'daily', path: 'provider', status: 'missing', differences: [] },
    ]);
    const repair = await cli(['check', stackDir, '--json', '--repair'], env());
    expect(repair.code).toBe(0);
    expect(JSON.parse(repair.stdout).configs.map((c: { status: string; repaired?: boolean }) => `${c.status} ${c.repaired}`)).toEqual(['drifted true', 'matches undefined', 'matches undefined', 'missing true']);
    noSecrets(repair);
  });

  test('a value known only after apply: exit 2 naming it without state; read from the local state or --state', async () => {
    writeStack(stackDocument(path.join(dir, 'terraform.inventories.tfstate'), { logs: { bucket: '${var.src}' } }));
    const noState = await cli(['check', stackDir], env());
    expect(noState.code).toBe(2);
    expect(noState.stderr).toContain('cos-inventory: error: tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D (inventories/Logs/Resource): bucket = ${var.src}: known only after apply,'
      + ` and no state was given and the stack's local state ${path.join(dir, 'terraform.inventories.tfstate')} does not exist: pass --state FILE`);
    expect(cos.requests).toHaveLength(0);

    const applied = JSON.stringify(stateDocument([{ type: 'tencentcloud_cos_bucket_inventory', name: 'Logs_1A2B3C4D', attributes: providerState(LOGS_SPEC) }]));
    writeFileSync(path.join(dir, 'pulled.json'), applied);
    const explicit = await cli(['check', stackDir, '--state', path.join(dir, 'pulled.json')], env());
    expect(explicit.stderr).toContain(`cos-inventory: values known only after apply are read from ${path.join(dir, 'pulled.json')}`);
    expect(explicit.stdout).toContain('cos app-logs-1250000000 daily: missing');
    expect(explicit.code).toBe(3);

    writeFileSync(path.join(dir, 'terraform.inventories.tfstate'), applied);
    await seed();
    const local = await cli(['check', stackDir], env());
    expect(local.stdout).toContain('cos app-logs-1250000000 daily: matches (tencentcloud_cos_bucket_inventory.Logs_1A2B3C4D)');
    expect(local.stdout).toContain('checked 4 inventory config(s): 4 match, 0 drifted, 0 missing');
    expect(local.code).toBe(0);
  });

  test('bad input exits 2: no stack, a state that is not one', async () => {
    const none = await cli(['check', path.join(dir, 'nothing')], env());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no synthesized stack in ${path.join(dir, 'nothing')}`);
    writeFileSync(path.join(dir, 'bad.json'), 'not json');
    const bad = await cli(['check', stackDir, '--state', path.join(dir, 'bad.json')], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--state ${path.join(dir, 'bad.json')} is not JSON`);
  });

  test('a refused request exits 1 and names the error', async () => {
    await seed();
    cos.inject({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied.' });
    const result = await cli(['check', stackDir], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^cos examplebucket-1250000000 tagged: GET Bucket inventory failed: AccessDenied \(HTTP 403\): Access Denied\.; request id fake-\d+-[0-9a-f]{8}$/m);
    expect(result.stdout).toContain('checked 4 inventory config(s): 3 match, 0 drifted, 0 missing, 1 failed');
    noSecrets(result);
  });
});

// Terraform itself writes the state check reads: a terraform_data config whose bucket is a variable, applied with the
// bundled handler's `put` against the fake OBS.
const terraformAvailable = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
(terraformAvailable ? test : test.skip)('check reads the values of a real terraform apply from the stack\'s local state', async () => {
  const obs = await new FakeObs().start();
  const dir = mkdtempSync(path.join(tmpdir(), 'cos-inventory-check-tf-'));
  try {
    const stackDir = path.join(dir, 'cdktf.out', 'stacks', 'real');
    mkdirSync(stackDir, { recursive: true });
    const config = { ...OBS_SPEC, bucket: '${var.obs_bucket}', filter: { prefix: 'inventory/$${literal}/' } };
    writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify({
      terraform: { backend: { local: { path: path.join(dir, 'terraform.real.tfstate') } } },
      variable: { obs_bucket: { type: 'string' } },
      resource: {
        terraform_data: {
          Obs_Managed_Config_234E063B: {
            input: { config },
            provisioner: [{ 'local-exec': { interpreter: [process.execPath, BUNDLE], command: 'put', environment: { INVENTORY_CONFIG: '${jsonencode(self.input.config)}' } } }],
          },
        },
      },
    }));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', HW_ACCESS_KEY: FAKE_OBS_ACCESS_KEY, HW_SECRET_KEY: FAKE_OBS_SECRET_KEY, ...obs.handlerEnv };
    const terraform = (...args: string[]) => execFileAsync('terraform', [`-chdir=${stackDir}`, ...args, '-no-color'], { env });
    await terraform('init', '-input=false');
    await terraform('apply', '-auto-approve', '-input=false', '-var', 'obs_bucket=examplebucket');
    expect(obs.configs.get('examplebucket')?.get('test_id')?.Filter).toEqual({ Prefix: 'inventory/${literal}/' });

    const inSync = await cli(['check', stackDir], env);
    expect(inSync.stderr).toContain(`cos-inventory: values known only after apply are read from ${path.join(dir, 'terraform.real.tfstate')}`);
    expect(inSync.stdout).toContain('obs examplebucket test_id: matches (terraform_data.Obs_Managed_Config_234E063B)');
    expect(inSync.code).toBe(0);

    obs.configs.get('examplebucket')!.get('test_id').IsEnabled = 'false';
    const drift = await cli(['check', stackDir], env);
    expect(drift.stdout).toContain('obs examplebucket test_id: IsEnabled: declared "true", live "false"');
    expect(drift.code).toBe(3);
  } finally {
    await obs.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
