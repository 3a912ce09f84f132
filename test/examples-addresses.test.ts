// The exact Terraform address of every resource each example declares, and the key (`<bucket>/<id>`) of every
// handler-managed config in its destination's reconciler. An address that changes is a resource Terraform deletes
// and creates again, a key that changes a config the reconciler deletes and puts again, so a change here must be
// deliberate; unlike the snapshots, this list says nothing about values and fails on a moved address or key only.
import { App } from 'cdktf';
import { synthesize as existingDestination } from '../examples/existing-destination/main';
import { synthesize as newDestination } from '../examples/new-destination/main';
import { synthesize as obsInventory } from '../examples/obs-inventory/main';
import { synthesize as oneOffJob } from '../examples/one-off-job/main';
import { synthApp } from './support/synth';

/** The `<bucket>/<id>` keys of the configs a reconciling `terraform_data` puts. */
function reconciledKeys(resource: any): string[] {
  return Object.keys(resource.input?.reconcile?.configs ?? {});
}

/** `<stack>: <type>.<name>` for every managed resource and data source, with its reconciled config keys, sorted. */
function addresses(synthesize: (app: App) => App): string[] {
  const stacks = synthApp(synthesize(new App()));
  return Object.entries<any>(stacks).flatMap(([stack, json]) => [
    ...Object.entries<any>(json.resource ?? {}).flatMap(([type, byName]) => Object.entries<any>(byName).flatMap(([name, resource]) => [
      `${stack}: ${type}.${name}`,
      ...reconciledKeys(resource).map((key) => `${stack}: ${type}.${name} config ${key}`),
    ])),
    ...Object.entries<any>(json.data ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${stack}: data.${type}.${name}`)),
  ]).sort();
}

const EXPECTED: Array<[string, (app: App) => App, string[]]> = [
  ['new-destination', newDestination, [
    'cos-inventory-new-destination: data.tencentcloud_user_info.CosInventoryCurrentAccount',
    'cos-inventory-new-destination: tencentcloud_cam_policy.CosServiceRole_Policy_71FDFA65',
    'cos-inventory-new-destination: tencentcloud_cam_role.CosServiceRole_AA86C26A',
    'cos-inventory-new-destination: tencentcloud_cam_role_policy_attachment.CosServiceRole_Attachment_C8050544',
    'cos-inventory-new-destination: tencentcloud_cos_bucket.Destination_Bucket_93669C67',
    'cos-inventory-new-destination: tencentcloud_cos_bucket_policy.Destination_Policy_8A89D7B0',
    'cos-inventory-new-destination: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268',
    'cos-inventory-new-destination: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268 config app-logs-1250000000/inventory-daily',
    'cos-inventory-new-destination: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268 config user-media-1250000000/inventory-daily',
  ]],
  ['existing-destination', existingDestination, [
    'cos-inventory-existing-destination: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268',
    'cos-inventory-existing-destination: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268 config warehouse-1250000000/warehouse-weekly',
  ]],
  ['one-off-job', oneOffJob, [
    'cos-inventory-one-off-job: terraform_data.Audit_Job_78990D82',
  ]],
  ['obs-inventory', obsInventory, [
    'obs-inventory: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268',
    'obs-inventory: terraform_data.Destination_InventoryConfigs_Reconciler_717A4268 config examplebucket/test_id',
  ]],
];

test.each(EXPECTED)('example %s keeps its resource addresses', (_name, synthesize, expected) => {
  expect(addresses(synthesize)).toEqual(expected);
});
