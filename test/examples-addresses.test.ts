// The exact Terraform address of every resource each example declares. An address that changes is a resource
// Terraform deletes and creates again (for a handler-managed config: DELETE and PUT on the service), so a change here
// must be deliberate; unlike the snapshots, this list says nothing about values and fails on a moved address only.
import { App } from 'cdktf';
import { synthesize as existingDestination } from '../examples/existing-destination/main';
import { synthesize as newDestination } from '../examples/new-destination/main';
import { synthesize as obsInventory } from '../examples/obs-inventory/main';
import { synthesize as oneOffJob } from '../examples/one-off-job/main';
import { synthApp } from './support/synth';

/** `<stack>: <type>.<name>` for every managed resource and data source, sorted. */
function addresses(synthesize: (app: App) => App): string[] {
  const stacks = synthApp(synthesize(new App()));
  return Object.entries<any>(stacks).flatMap(([stack, json]) => [
    ...Object.entries<any>(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${stack}: ${type}.${name}`)),
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
    'cos-inventory-new-destination: terraform_data.Inventory_app-logs-1250000000_Managed_Config_F5DBCD7F',
    'cos-inventory-new-destination: terraform_data.Inventory_app-logs-1250000000_Managed_Owner_CF4E1830',
    'cos-inventory-new-destination: terraform_data.Inventory_user-media-1250000000_Managed_Config_AADF367C',
    'cos-inventory-new-destination: terraform_data.Inventory_user-media-1250000000_Managed_Owner_B0D66516',
  ]],
  ['existing-destination', existingDestination, [
    'cos-inventory-existing-destination: terraform_data.Warehouse_Managed_Config_73B8BDC1',
    'cos-inventory-existing-destination: terraform_data.Warehouse_Managed_Owner_B09EB417',
  ]],
  ['one-off-job', oneOffJob, [
    'cos-inventory-one-off-job: terraform_data.Audit_Job_78990D82',
  ]],
  ['obs-inventory', obsInventory, [
    'obs-inventory: terraform_data.Inventory_Managed_Config_234E063B',
    'obs-inventory: terraform_data.Inventory_Managed_Owner_4BE5EA5F',
  ]],
];

test.each(EXPECTED)('example %s keeps its resource addresses', (_name, synthesize, expected) => {
  expect(addresses(synthesize)).toEqual(expected);
});
