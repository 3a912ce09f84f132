import { CosBucket } from './.gen/providers/tencentcloud/cos-bucket';
import { CosBucketPolicy } from './.gen/providers/tencentcloud/cos-bucket-policy';
import { BucketPolicyStatement, renderPolicyDocument, renderStatement } from './bucket-policy-statement';
import { Construct, Lazy, TerraformResource } from './core';
import { splitBucketName } from './bucket-name-parts';
import { cosObjectResource, inventoryBucketReference, sourceReportPath } from './cos-names';
import { CosServiceRole } from './cos-service-role';
import { currentAccount } from './current-account';
import { checkAppId, checkBucketName } from './validation/bucket-name';
import { checkReportPrefix } from './validation/object-prefix';
import { checkRegion } from './validation/region';
import { checkStatementSize } from './validation/statement-size';
import { known } from './validation/known';
import { describeProblem, Problem, throwIfProblems } from './validation/problem';

/** Props of {@link InventoryDestination}. */
export interface InventoryDestinationProps {
  /**
   * Full name of the destination bucket, with its `-APPID` suffix, for example `inventory-1250000000`.
   */
  readonly bucketName: string;
  /**
   * Region of the destination bucket. Every source bucket reporting into it must be in the same region.
   */
  readonly region: string;
  /**
   * Wrap an existing bucket instead of creating one.
   * @default false - the bucket is created
   */
  readonly existingBucket?: boolean;
  /**
   * APPID of the account owning the bucket.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Owner UIN of the destination's account: inventory configs name it as `AccountId`.
   * @default - read from the `tencentcloud_user_info` data source
   */
  readonly ownerUin?: string;
  /**
   * Prefix the reports are written under; COS appends the `/`. Inventories may override it.
   * @default 'cos_bucket_inventory'
   */
  readonly reportPrefix?: string;
  /**
   * Delete report objects this many days after they are written (a lifecycle rule on the report prefix).
   * Only for a bucket created here.
   * @default - reports are kept
   */
  readonly reportExpirationDays?: number;
  /**
   * Encrypt objects at rest with COS-managed keys (SSE-COS, `AES256`). Only for a bucket created here.
   * @default true
   */
  readonly defaultEncryption?: boolean;
  /**
   * Allow `terraform destroy` to delete the bucket with its reports in it. Only for a bucket created here.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Tags of a bucket created here.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Manage the bucket's one policy here. Turn it off when another stack or tool owns the bucket policy, then merge
   * `policyJson` into that policy yourself: COS keeps one policy document per bucket, and a second
   * `tencentcloud_cos_bucket_policy` would overwrite the first.
   * @default true
   */
  readonly managePolicy?: boolean;
  /**
   * The service role COS writes reports as.
   * @default - the account's existing `COS_QcsRole`, referenced
   */
  readonly serviceRole?: CosServiceRole;
}

/** A source bucket whose reports a destination accepts. */
export interface InventorySourceGrant {
  /** Full name of the source bucket, with its `-APPID` suffix. */
  readonly bucketName: string;
  /**
   * APPID of the source bucket's account.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Report prefix the source's inventories write under.
   * @default - the destination's `reportPrefix`
   */
  readonly reportPrefix?: string;
}

const DEFAULT_REPORT_PREFIX = 'cos_bucket_inventory';

/**
 * The bucket inventory reports are delivered to, and the bucket policy COS needs to write them.
 *
 * It creates the bucket (private, SSE-COS encrypted, optional report expiry) or wraps an existing one, and owns the
 * bucket's one `tencentcloud_cos_bucket_policy`. Each source bucket that reports here adds one statement allowing
 * `COS_QcsRole` to `PutObject` under that source's report path and nowhere else.
 */
export class InventoryDestination extends Construct {
  /** Full bucket name, with `-APPID`. */
  public readonly bucketName: string;
  /** Region of the bucket. */
  public readonly region: string;
  /** APPID of the bucket's account. */
  public readonly appId: string;
  /** Owner UIN of the bucket's account, the `AccountId` of inventory destinations. */
  public readonly ownerUin: string;
  /** Default report prefix. */
  public readonly reportPrefix: string;
  /** `qcs::cos:<region>::<bucket>`, as inventory configs name their destination. */
  public readonly bucketReference: string;
  /** The role COS writes reports as. */
  public readonly serviceRole: CosServiceRole;
  /** The `tencentcloud_cos_bucket`, when created here. */
  public readonly bucket?: TerraformResource;
  /** The `tencentcloud_cos_bucket_policy`, when managed here. */
  public readonly policy?: TerraformResource;
  /**
   * The whole policy document this destination needs, as JSON: the report statements and any added with
   * `addToResourcePolicy`. With `managePolicy: false`, merge it into the policy that is managed elsewhere.
   */
  public readonly policyJson: string;

  private readonly statements: BucketPolicyStatement[] = [];
  private readonly grantedResources = new Set<string>();

  constructor(scope: Construct, id: string, props: InventoryDestinationProps) {
    super(scope, id);
    const reportPrefix = props.reportPrefix ?? DEFAULT_REPORT_PREFIX;
    throwIfProblems(this.node.path, [
      ...checkBucketName('bucketName', known(props.bucketName)),
      ...checkAppId('appId', known(props.appId), known(props.bucketName)),
      ...checkRegion('region', known(props.region)),
      ...checkReportPrefix('reportPrefix', known(reportPrefix)),
      ...checkBucketOnlyOptions(props),
    ]);

    this.bucketName = props.bucketName;
    this.region = props.region;
    this.appId = props.appId ?? splitBucketName(props.bucketName).appId;
    this.ownerUin = props.ownerUin ?? currentAccount(this).ownerUin;
    this.reportPrefix = reportPrefix;
    this.bucketReference = inventoryBucketReference(this.region, this.bucketName);
    this.serviceRole = props.serviceRole ?? new CosServiceRole(this, 'ServiceRole', { ownerUin: this.ownerUin });
    this.policyJson = Lazy.stringValue({ produce: () => renderPolicyDocument(this.statements) });

    if (!props.existingBucket) this.bucket = this.createBucket(props);
    if (props.managePolicy ?? true) {
      this.policy = new CosBucketPolicy(this, 'Policy', {
        // The reference orders the policy after a bucket created here.
        bucket: this.bucket ? (this.bucket as CosBucket).bucket : this.bucketName,
        policy: this.policyJson,
      });
    }
    this.node.addValidation({ validate: () => this.validateStatements() });
  }

  /**
   * Adds a statement of your own to the bucket policy (for example read access for an analytics role).
   */
  public addToResourcePolicy(statement: BucketPolicyStatement): void {
    this.statements.push(statement);
  }

  /**
   * Lets COS write the reports of one source bucket: adds the bucket policy statement for the source's report
   * path and lets the service role write there. Calling it again for the same source and prefix adds nothing.
   * `BucketInventory` calls this for you.
   *
   * @returns the report path of the source, relative to the bucket
   */
  public grantInventoryReports(source: InventorySourceGrant): string {
    const sourceParts = splitBucketName(source.bucketName);
    const reportPrefix = source.reportPrefix ?? this.reportPrefix;
    const reportPath = sourceReportPath(reportPrefix, { shortName: sourceParts.shortName, appId: source.appId ?? sourceParts.appId });
    const resource = cosObjectResource(this.region, this.appId, this.bucketName, `${reportPath}/*`);
    if (!this.grantedResources.has(resource)) {
      this.grantedResources.add(resource);
      // Bucket policy form from the COS docs: principal the CAM role, action name/cos:PutObject, six-segment
      // resource under the report path. See https://www.tencentcloud.com/document/product/436/30622
      // (Inventory Overview, "configuring inventory via APIs").
      this.statements.push({ principals: [this.serviceRole.principal], actions: ['name/cos:PutObject'], resources: [resource] });
      this.serviceRole.allowReportWrites(cosObjectResource(this.region, this.appId, this.bucketName, `${reportPrefix}/*`));
    }
    return reportPath;
  }

  private createBucket(props: InventoryDestinationProps): CosBucket {
    return new CosBucket(this, 'Bucket', {
      bucket: props.bucketName,
      acl: 'private',
      encryptionAlgorithm: (props.defaultEncryption ?? true) ? 'AES256' : undefined,
      forceClean: props.forceDestroy ?? false,
      tags: props.tags,
      lifecycleRules: props.reportExpirationDays === undefined ? undefined : [{
        id: 'expire-inventory-reports',
        filterPrefix: `${this.reportPrefix}/`,
        expiration: { days: props.reportExpirationDays },
      }],
    });
  }

  private validateStatements(): string[] {
    const problems: Problem[] = this.statements.flatMap((statement, index) =>
      checkStatementSize(`policy statement ${index}`, known(JSON.stringify(renderStatement(statement)))));
    // cdktf prefixes validation messages with the construct path itself.
    return problems.map(describeProblem);
  }
}

/** Options that shape a bucket only make sense when the bucket is created here; silently ignoring them would mislead. */
function checkBucketOnlyOptions(props: InventoryDestinationProps): Problem[] {
  const problems: Problem[] = [];
  if (props.existingBucket) {
    const bucketOnly = { reportExpirationDays: props.reportExpirationDays, defaultEncryption: props.defaultEncryption, forceDestroy: props.forceDestroy, tags: props.tags };
    for (const [field, value] of Object.entries(bucketOnly)) {
      if (value !== undefined) problems.push({ field, value, rule: 'applies only to a bucket created here (existingBucket is true)' });
    }
  }
  const days = props.reportExpirationDays;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1)) {
    problems.push({ field: 'reportExpirationDays', value: days, rule: 'must be a whole number of days, 1 or more' });
  }
  return problems;
}
