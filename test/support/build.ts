// Fixtures the construct unit tests share: one COS and one OBS destination, stacks with one inventory on them, and
// readers for what the tests look at most (the destination's reconciler, the policy documents, thrown problems).
import { Construct } from 'constructs';
import { cos, InventoryErrors, obs, ValidationProblem } from '../../src';
import { onlyResource, synth } from './synth';

/** A COS destination with every account value given, so no data source is read. */
export const COS_DESTINATION: cos.InventoryDestinationProps = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' };

/** An OBS destination. */
export const OBS_DESTINATION: obs.InventoryDestinationProps = { bucketName: 'destbucket', region: 'cn-north-4' };

/** The role COS writes reports as, in the account of {@link COS_DESTINATION}. */
export const COS_SERVICE_PRINCIPAL = 'qcs::cam::uin/100000000001:roleName/COS_QcsRole';

/** A resource name under the COS destination bucket, as its bucket policy names it. */
export function cosResource(objectPath: string): string {
  return `qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/${objectPath}`;
}

/** Synthesizes a COS destination `Dest` and one inventory `Inv` on it; the error of a broken rule surfaces here. */
export function synthCosInventory(props: Partial<cos.BucketInventoryProps>, destinationProps: Partial<cos.InventoryDestinationProps> = {}): string {
  return synth((scope: Construct) => {
    const destination = new cos.InventoryDestination(scope, 'Dest', { ...COS_DESTINATION, ...destinationProps });
    new cos.BucketInventory(scope, 'Inv', { destination, bucketName: 'logs-1250000000', ...props });
  });
}

/** Synthesizes an OBS destination `Dest` and one inventory `Inv` on it. */
export function synthObsInventory(props: Partial<obs.BucketInventoryProps>, destinationProps: Partial<obs.InventoryDestinationProps> = {}): string {
  return synth((scope: Construct) => {
    const destination = new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, ...destinationProps });
    new obs.BucketInventory(scope, 'Inv', { destination, bucketName: 'examplebucket', ...props });
  });
}

/**
 * The reconciling `terraform_data` of a destination (construct id `destination`): every handler-managed config of it
 * is in `input.reconcile.configs`, every provider-managed one in `input.reconcile.provider`.
 */
export function reconciler(stackJson: any, destination = 'Dest'): any {
  const found = Object.entries(stackJson.resource?.terraform_data ?? {}).filter(([name]) => name.startsWith(`${destination}_InventoryConfigs_Reconciler_`));
  expect(found).toHaveLength(1);
  return found[0][1] as any;
}

/** The one config the handler puts in a stack. */
export function handlerConfig(stackJson: any): any {
  const configs = handlerConfigs(stackJson);
  expect(configs).toHaveLength(1);
  return configs[0];
}

/** Every config the handler puts in a stack, by destination, then in construct order. */
export function handlerConfigs(stackJson: any): any[] {
  return Object.entries(stackJson.resource?.terraform_data ?? {})
    .filter(([name]) => name.includes('_InventoryConfigs_Reconciler_'))
    .flatMap(([, resource]: [string, any]) => Object.values(resource.input.reconcile.configs));
}

/** The `local-exec` provisioner of a handler resource. */
export function localExec(resource: any): any {
  return resource.provisioner[0]['local-exec'];
}

/** The policy document of the one COS bucket policy in a stack. */
export function cosPolicyDocument(stackJson: any): any {
  return JSON.parse(onlyResource(stackJson, 'tencentcloud_cos_bucket_policy').policy);
}

/** The policy document of the one OBS bucket policy in a stack. */
export function obsPolicyDocument(stackJson: any): any {
  return JSON.parse(onlyResource(stackJson, 'huaweicloud_obs_bucket_policy').policy);
}

/** The document of the one CAM policy in a stack. */
export function camPolicyDocument(stackJson: any): any {
  return JSON.parse(onlyResource(stackJson, 'tencentcloud_cam_policy').document);
}

/** The error `build` throws, which it must throw. */
export function thrownBy(build: () => unknown): any {
  try {
    build();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The problems of the validation error `build` throws. */
export function problemsThrownBy(build: () => unknown): ValidationProblem[] {
  return InventoryErrors.problemsOf(thrownBy(build));
}
