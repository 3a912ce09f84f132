import * as v from 'valibot';
import { ObsBucket } from '../.gen/providers/huaweicloud/obs-bucket';
import { ObsBucketPolicy } from '../.gen/providers/huaweicloud/obs-bucket-policy';
import { Construct, IConstruct, TerraformResource, TerraformStack } from '../core';
import { checkPolicySize } from '../contract/rules/bucket-policy';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { checkObsBucketName } from '../contract/rules/obs-bucket-name';
import { Problem } from '../contract/rules/problem';
import { checkObsRegion } from '../contract/rules/region';
import {
  CreatedBucket, CreatedBucketOptions, createdDestinationAttributes, DestinationBase, DestinationOrigin, destinationPropsSchemas, DestinationService, ReportDestination,
} from '../common/destination-base';
import { BucketPolicyOwner, PolicyStatement } from '../common/policy-statement';
import { literalTemplate, literalTemplates } from '../common/terraform-literal';
import { known } from '../common/validation/known';
import { text, textMap } from '../common/validation/props';
import { renderObsStatement, reportWriteStatement } from './bucket-policy';

/** A source bucket whose reports a destination accepts. */
export interface ReportSource {
  /** Name of the source bucket. */
  readonly bucketName: string;
  /**
   * Report prefix the source's inventories write under.
   * @default - the destination's `reportPrefix`
   */
  readonly reportPrefix?: string;
}

/** An OBS bucket inventory reports go to, created in this stack or imported. */
export interface IInventoryDestination extends IConstruct, ReportDestination {
  /** Name of the bucket. */
  readonly bucketName: string;
  /** The `huaweicloud_obs_bucket_policy`, once this stack owns the policy and it has a statement. */
  readonly policy?: TerraformResource;
  /**
   * The whole policy document this destination needs (OBS policy format): report writes, report readers and
   * statements added with `addToResourcePolicy`. When the policy is owned elsewhere, merge it into that policy.
   */
  readonly policyJson: string;
  /**
   * Lets OBS write the reports of one source bucket under its report prefix. `BucketInventory` calls it for you.
   *
   * @returns the report path of the source, relative to the bucket: `<prefix>/<source bucket>`
   */
  allowInventoryReportsFrom(source: ReportSource): string;
  /** Adds a statement of your own to the bucket policy (OBS keeps one policy per bucket). */
  addToResourcePolicy(statement: PolicyStatement): void;
  /**
   * Lets a principal read the reports and nothing else: `GetObject` under each report prefix in use, and
   * `ListBucket` limited to those prefixes.
   * @param principal for example `domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f`
   */
  grantRead(principal: string): void;
}

/** What every OBS destination is described by, created or imported. */
interface InventoryDestinationAttributesBase {
  /** Name of the bucket. */
  readonly bucketName: string;
  /** Region of the bucket; OBS delivers reports only within one region and account. */
  readonly region: string;
  /**
   * Prefix the reports are written under. Inventories may override it.
   * @default 'BucketInventory' (the name OBS itself gives reports without a prefix)
   */
  readonly reportPrefix?: string;
}

/** An existing OBS bucket, imported with {@link InventoryDestination.fromBucketAttributes}. */
export interface InventoryDestinationAttributes extends InventoryDestinationAttributesBase {
  /**
   * Who owns the bucket's one policy. `THIS_STACK` replaces the policy the bucket has with the destination's
   * (`huaweicloud_obs_bucket_policy` writes the whole document); `ELSEWHERE` synthesizes none, and `policyJson`
   * is what to merge into it.
   */
  readonly policyOwner: BucketPolicyOwner;
}

/** Props of {@link InventoryDestination}: a bucket created in this stack. */
export interface InventoryDestinationProps extends InventoryDestinationAttributesBase, CreatedBucketOptions {
  /**
   * Tags of the bucket itself (not a filter).
   * @default - none
   */
  readonly bucketTags?: { [key: string]: string };
}

/** What the shared destination skeleton needs of OBS. */
const OBS_DESTINATION: DestinationService = {
  service: 'obs',
  propsSchemas: destinationPropsSchemas<InventoryDestinationProps, InventoryDestinationAttributes>(
    { bucketName: text, region: text, reportPrefix: v.optional(text) },
    { bucketTags: v.optional(textMap) },
  ),
  problems: (attributes, reportPrefix) => [
    ...checkObsBucketName('bucketName', known(attributes.bucketName)),
    ...checkObsRegion('region', known(attributes.region)),
    ...checkReportPrefix('reportPrefix', known(reportPrefix)),
  ],
  readerGrant: {
    objectActions: ['GetObject'],
    listActions: ['ListBucket'],
    listCondition: (keyPatterns) => ({ StringLike: { prefix: keyPatterns } }),
  },
};

/**
 * An OBS destination, imported as it is, and what a created one adds its bucket to: for every report prefix in use,
 * one statement allowing the `obs` service to `PutObject` under that prefix only, plus readers and your own
 * statements, in the bucket's one `huaweicloud_obs_bucket_policy` when this stack owns it (synthesized only once it
 * has a statement).
 * @see https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0055.html (Configuring Bucket Inventories: policy body)
 *
 * @example
 * const destination = obs.InventoryDestination.fromBucketAttributes(this, 'Reports', {
 *   bucketName: 'inventory-reports',
 *   region: 'cn-north-4',
 *   policyOwner: BucketPolicyOwner.THIS_STACK,
 * });
 * destination.grantRead('domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f');
 */
class InventoryDestinationBase extends DestinationBase implements IInventoryDestination {
  public readonly bucketName: string;
  public readonly policyJson: string;

  constructor(scope: Construct, id: string, attributes: InventoryDestinationAttributes, origin: DestinationOrigin) {
    super(scope, id, attributes, origin, OBS_DESTINATION);
    this.bucketName = attributes.bucketName;
    this.policyJson = this._policyJson;
  }

  public allowInventoryReportsFrom(source: ReportSource): string {
    const reportPrefix = source.reportPrefix ?? this.reportPrefix;
    this._reportSourceGranted(reportPrefix);
    return `${reportPrefix}/${source.bucketName}`;
  }

  public get policy(): TerraformResource | undefined {
    return this._policy();
  }

  public addToResourcePolicy(statement: PolicyStatement): void {
    this._addStatement(statement);
  }

  public grantRead(principal: string): void {
    this._addReader(principal);
  }

  /** @internal */
  protected _newPolicy(bucket: string): TerraformResource {
    return new ObsBucketPolicy(this, 'Policy', { bucket, region: literalTemplate(this.region), policyFormat: 'obs', policy: this.policyJson });
  }

  /** @internal */
  protected _policyProblems(): Problem[] {
    return [...this.encryptedBucketProblems(), ...checkPolicySize('policy', this._renderPolicy())];
  }

  /**
   * One statement per report prefix, or, when that would pass OBS's 20 KB policy limit, one statement over all the
   * prefixes (the same resources, fewer bytes); the validation refuses a policy that still does not fit.
   * @internal
   */
  protected _renderPolicy(): string {
    const resources = this._grantedReportPrefixes().map((prefix) => this._resourceName(`${prefix}/*`));
    const others = this._statementsBesideReportWrites().map(renderObsStatement);
    const document = (writes: object[]) => JSON.stringify({ Statement: [...writes, ...others] });
    const perPrefix = document(resources.map((resource, index) => reportWriteStatement(`obs-inventory-${index}`, [resource])));
    return checkPolicySize('policy', perPrefix).length === 0 ? perPrefix : document([reportWriteStatement('obs-inventory', resources)]);
  }

  /** @internal */
  protected _resourceName(keyPattern?: string): string {
    return keyPattern === undefined ? this.bucketName : `${this.bucketName}/${keyPattern}`;
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

/**
 * An OBS bucket created for inventory reports (private, without default encryption, since OBS writes no inventory
 * into a bucket that has it), with the bucket policy OBS needs to write them. Import a bucket created elsewhere
 * with {@link InventoryDestination.fromBucketName} or {@link InventoryDestination.fromBucketAttributes}.
 *
 * @example
 * const destination = new obs.InventoryDestination(this, 'Destination', {
 *   bucketName: 'inventory-reports',
 *   region: 'cn-north-4',
 *   reportExpirationDays: 90,
 * });
 * destination.grantRead('domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f');
 */
export class InventoryDestination extends InventoryDestinationBase {
  /**
   * An existing bucket whose policy is owned elsewhere: nothing about the bucket is synthesized, and
   * `policyJson` is what to merge into its policy.
   */
  public static fromBucketName(scope: Construct, id: string, bucketName: string, region: string): IInventoryDestination {
    return new InventoryDestinationBase(scope, id, { bucketName, region, policyOwner: BucketPolicyOwner.ELSEWHERE }, 'importedDestination');
  }

  /** An existing bucket, with an explicit choice of who owns its policy. It must not use default encryption. */
  public static fromBucketAttributes(scope: Construct, id: string, attributes: InventoryDestinationAttributes): IInventoryDestination {
    return new InventoryDestinationBase(scope, id, attributes, 'importedDestination');
  }

  /** The `huaweicloud_obs_bucket`. */
  public readonly bucket: TerraformResource;

  constructor(scope: Construct, id: string, props: InventoryDestinationProps) {
    super(scope, id, createdDestinationAttributes(props), 'destination');
    this.bucket = this._useCreatedBucket(reportBucket(this, props));
  }
}

/**
 * The bucket of a created OBS destination: private, reports expiring when asked, and no `encryption`: OBS delivers no
 * inventory into a bucket with default encryption.
 */
function reportBucket(scope: Construct, props: InventoryDestinationProps): CreatedBucket {
  const bucket = new ObsBucket(scope, 'Bucket', literalTemplates({
    bucket: props.bucketName,
    region: props.region,
    acl: 'private',
    forceDestroy: props.forceDestroy ?? false,
    tags: props.bucketTags,
  }));
  return {
    resource: bucket,
    expirationDays: props.reportExpirationDays,
    putExpiryRules: (rules, days) => bucket.putLifecycleRule(literalTemplates(rules.map((rule) => ({ name: rule.id, enabled: true, prefix: rule.prefix, expiration: [{ days }] })))),
  };
}
