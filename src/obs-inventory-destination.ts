import { ObsBucket } from './.gen/providers/huaweicloud/obs-bucket';
import { ObsBucketPolicy } from './.gen/providers/huaweicloud/obs-bucket-policy';
import { Construct, Lazy, TerraformResource, TerraformStack } from './core';
import { literalTemplate } from './terraform-literal';
import { known } from './validation/known';
import { checkObsBucketName } from './contract/rules/obs-bucket-name';
import { checkReportPrefix } from './contract/rules/object-prefix';
import { checkObsRegion } from './contract/rules/region';
import { checkPolicySize } from './contract/rules/bucket-policy';
import { describeProblem, Problem, throwIfProblems } from './contract/rules/problem';

/** Props of {@link ObsInventoryDestination}. */
export interface ObsInventoryDestinationProps {
  /** Name of the destination bucket. */
  readonly bucketName: string;
  /** Region of the destination bucket; OBS delivers reports only within one region and account. */
  readonly region: string;
  /**
   * Wrap an existing bucket instead of creating one. It must not use default encryption: OBS writes no inventory
   * into a bucket that does.
   * @default false - the bucket is created (private, no default encryption)
   */
  readonly existingBucket?: boolean;
  /**
   * Prefix the reports are written under. Inventories may override it.
   * @default 'BucketInventory' (the name OBS itself gives reports without a prefix)
   */
  readonly reportPrefix?: string;
  /**
   * Allow `terraform destroy` to delete a bucket created here with its reports in it.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Manage the bucket's one policy here. `huaweicloud_obs_bucket_policy` replaces the whole policy, so turn this off
   * when the policy is managed elsewhere, and merge `policyJson` into it.
   * @default true
   */
  readonly managePolicy?: boolean;
}

const DEFAULT_REPORT_PREFIX = 'BucketInventory';

/**
 * The OBS bucket inventory reports go to, with the bucket policy OBS needs to write them: for every report prefix
 * in use, one statement allowing the `obs` service to `PutObject` under that prefix only, merged into the bucket's
 * one `huaweicloud_obs_bucket_policy`.
 * @see https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0055.html (Configuring Bucket Inventories: policy body)
 */
export class ObsInventoryDestination extends Construct {
  /** Name of the bucket. */
  public readonly bucketName: string;
  /** Region of the bucket. */
  public readonly region: string;
  /** Default report prefix. */
  public readonly reportPrefix: string;
  /** The `huaweicloud_obs_bucket`, when created here. */
  public readonly bucket?: TerraformResource;
  /** The `huaweicloud_obs_bucket_policy`, when managed here. */
  public readonly policy?: TerraformResource;
  /** The policy document this destination needs (OBS policy format), to merge elsewhere when `managePolicy` is off. */
  public readonly policyJson: string;

  private readonly reportPrefixes: string[] = [];

  constructor(scope: Construct, id: string, props: ObsInventoryDestinationProps) {
    super(scope, id);
    this.reportPrefix = props.reportPrefix ?? DEFAULT_REPORT_PREFIX;
    throwIfProblems(this.node.path, [
      ...checkObsBucketName('bucketName', known(props.bucketName)),
      ...checkObsRegion('region', known(props.region)),
      ...checkReportPrefix('reportPrefix', known(this.reportPrefix)),
      ...(props.forceDestroy !== undefined && props.existingBucket ? [{ field: 'forceDestroy', value: props.forceDestroy, rule: 'applies only to a bucket created here (existingBucket is true)' }] : []),
    ]);
    this.bucketName = props.bucketName;
    this.region = props.region;
    this.policyJson = Lazy.stringValue({ produce: () => literalTemplate(this.renderPolicy()) });
    if (!props.existingBucket) {
      // No `encryption`: OBS delivers no inventory into a bucket with default encryption.
      this.bucket = new ObsBucket(this, 'Bucket', { bucket: props.bucketName, region: props.region, acl: 'private', forceDestroy: props.forceDestroy ?? false });
    }
    if (props.managePolicy ?? true) {
      this.policy = new ObsBucketPolicy(this, 'Policy', {
        bucket: this.bucket ? (this.bucket as ObsBucket).bucket : props.bucketName,
        region: props.region,
        policyFormat: 'obs',
        policy: this.policyJson,
      });
    }
    this.node.addValidation({
      validate: () => [
        ...this.encryptedBucketProblems(),
        ...(this.policy && this.reportPrefixes.length === 0
          ? [{ field: 'managePolicy', value: true, rule: 'no ObsBucketInventory reports here, so the bucket policy would have no statement' }]
          : []),
        ...checkPolicySize('policy', this.renderPolicy()),
      ].map(describeProblem),
    });
  }

  /** Lets OBS write reports under one more prefix; `ObsBucketInventory` calls this for you. */
  public grantInventoryReports(reportPrefix: string): void {
    if (!this.reportPrefixes.includes(reportPrefix)) this.reportPrefixes.push(reportPrefix);
  }

  /**
   * One statement per report prefix, or, when that would pass OBS's 20 KB policy limit, one statement over all the
   * prefixes (the same resources, fewer bytes); the validation refuses a policy that still does not fit.
   */
  private renderPolicy(): string {
    const resources = this.reportPrefixes.map((prefix) => `${this.bucketName}/${prefix}/*`);
    const statement = (sid: string, resource: string[]) => ({ Sid: sid, Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: resource });
    const perPrefix = JSON.stringify({ Statement: resources.map((resource, index) => statement(`obs-inventory-${index}`, [resource])) });
    return checkPolicySize('policy', perPrefix).length === 0 ? perPrefix : JSON.stringify({ Statement: [statement('obs-inventory', resources)] });
  }

  /**
   * A bucket declared in this stack under the destination's name must not turn default encryption on. Found by its
   * Terraform type, not its class, so buckets declared with bindings from `cdktf get` are caught too.
   */
  private encryptedBucketProblems(): Problem[] {
    return TerraformStack.of(this).node.findAll()
      .filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === 'huaweicloud_obs_bucket')
      .filter((bucket) => {
        const attributes = Object.values(bucket.toTerraform().resource?.huaweicloud_obs_bucket ?? {})[0] as Record<string, unknown> | undefined;
        return attributes?.bucket === this.bucketName
          && (attributes.encryption === true || attributes.sse_algorithm !== undefined || attributes.kms_key_id !== undefined);
      })
      .map((bucket) => ({
        field: 'bucketName',
        value: this.bucketName,
        rule: `is declared by ${bucket.node.path} with default encryption; OBS writes no inventory into a destination bucket with default encryption`,
      }));
  }
}
