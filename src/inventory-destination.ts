import { CosBucket } from './.gen/providers/tencentcloud/cos-bucket';
import { CosBucketPolicy } from './.gen/providers/tencentcloud/cos-bucket-policy';
import { BucketPolicyStatement, renderPolicyDocument, renderStatement } from './bucket-policy-statement';
import { Annotations, Construct, Lazy, TerraformResource } from './core';
import { splitBucketName } from './bucket-name-parts';
import { literalTemplate, literalTemplates } from './terraform-literal';
import { cosObjectResource, inventoryBucketReference, sourceReportPath } from './contract/names';
import { CosServiceRole, IReportLocations } from './cos-service-role';
import { packResourceGroups, REPORT_GRANT_SCOPES, reportGrantPaths, ReportGrantScope, ReportSourceGrant } from './report-write-grants';
import { checkPolicySize, checkStatementShape, MAX_POLICY_BYTES } from './contract/rules/bucket-policy';
import { currentAccount } from './current-account';
import { checkAppId, checkBucketName } from './contract/rules/bucket-name';
import { checkOwnerUin } from './contract/rules/choices';
import { checkReportPrefix } from './contract/rules/object-prefix';
import { checkRegion } from './contract/rules/region';
import { checkStatementSize, MAX_STATEMENT_BYTES } from './contract/rules/statement-size';
import { known } from './validation/known';
import { describeProblem, Problem, throwIfProblems } from './contract/rules/problem';

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

/** How the report-write statements of a policy are laid out. */
interface ReportLayout {
  readonly scope: ReportGrantScope;
  /** Several resources share a statement. */
  readonly packed: boolean;
  readonly resources: string[];
  readonly statements: BucketPolicyStatement[];
}

/**
 * The bucket inventory reports are delivered to, and the bucket policy COS needs to write them.
 *
 * It creates the bucket (private, SSE-COS encrypted, optional report expiry) or wraps an existing one, and owns the
 * bucket's one `tencentcloud_cos_bucket_policy`. Each source bucket that reports here adds one statement allowing
 * `COS_QcsRole` to `PutObject` under that source's report path and nowhere else. When that many statements would
 * make the policy larger than 20 KB, they are packed into fewer statements, and then widened to one resource per
 * source account or per report prefix, with a warning at synth time.
 */
export class InventoryDestination extends Construct implements IReportLocations {
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

  private readonly userStatements: BucketPolicyStatement[] = [];
  private readonly grants: ReportSourceGrant[] = [];

  constructor(scope: Construct, id: string, props: InventoryDestinationProps) {
    super(scope, id);
    const reportPrefix = props.reportPrefix ?? DEFAULT_REPORT_PREFIX;
    throwIfProblems(this.node.path, [
      ...checkBucketName('bucketName', known(props.bucketName)),
      ...checkAppId('appId', known(props.appId), known(props.bucketName)),
      ...checkRegion('region', known(props.region)),
      ...checkReportPrefix('reportPrefix', known(reportPrefix)),
      ...checkBucketOnlyOptions(props),
      ...checkOwnerUin('ownerUin', known(props.ownerUin)),
    ]);

    this.bucketName = props.bucketName;
    this.region = props.region;
    this.appId = props.appId ?? splitBucketName(props.bucketName).appId;
    this.ownerUin = props.ownerUin ?? currentAccount(this).ownerUin;
    this.reportPrefix = reportPrefix;
    this.bucketReference = inventoryBucketReference(this.region, this.bucketName);
    this.serviceRole = props.serviceRole ?? new CosServiceRole(this, 'ServiceRole', { ownerUin: this.ownerUin });
    this.serviceRole.allowReportWritesTo(this);
    this.policyJson = Lazy.stringValue({ produce: () => literalTemplate(this.renderPolicy()) });

    if (!props.existingBucket) this.bucket = this.createBucket(props);
    if (props.managePolicy ?? true) {
      this.policy = new CosBucketPolicy(this, 'Policy', {
        // The reference orders the policy after a bucket created here.
        bucket: this.bucket ? (this.bucket as CosBucket).bucket : literalTemplate(this.bucketName),
        policy: this.policyJson,
      });
    }
    this.node.addValidation({ validate: () => this.validatePolicy() });
  }

  /**
   * The resources COS must be able to write reports to, as the bucket policy grants them; a created
   * `COS_QcsRole` is granted exactly these.
   */
  public get reportWriteResources(): string[] {
    return this.reportLayout().resources;
  }

  /**
   * Adds a statement of your own to the bucket policy (for example read access for an analytics role).
   */
  public addToResourcePolicy(statement: BucketPolicyStatement): void {
    throwIfProblems(this.node.path, checkStatementShape(`addToResourcePolicy(statement ${this.userStatements.length})`, { ...statement }));
    this.userStatements.push(statement);
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
    const grant: ReportSourceGrant = {
      reportPrefix: source.reportPrefix ?? this.reportPrefix,
      appId: source.appId ?? sourceParts.appId,
      shortName: sourceParts.shortName,
    };
    const reportPath = sourceReportPath(grant.reportPrefix, grant);
    if (!this.grants.some((g) => sourceReportPath(g.reportPrefix, g) === reportPath)) this.grants.push(grant);
    return reportPath;
  }

  /**
   * The narrowest layout whose whole policy fits: one statement per source, then the same resources packed into
   * fewer statements, then one resource per source account, then one per report prefix.
   */
  private reportLayout(): ReportLayout {
    let layout: ReportLayout | undefined;
    for (const scope of REPORT_GRANT_SCOPES) {
      const resources = reportGrantPaths(this.grants, scope).map((path) => cosObjectResource(this.region, this.appId, this.bucketName, `${path}/*`));
      for (const packed of scope === ReportGrantScope.SOURCE ? [false, true] : [true]) {
        layout = { scope, packed, resources, statements: this.reportStatements(resources, packed) };
        if (checkPolicySize('policy', this.renderPolicy(layout)).length === 0) return layout;
      }
    }
    return layout!;
  }

  /**
   * Bucket policy form from the COS docs: principal the CAM role, action name/cos:PutObject, six-segment resources
   * under the report paths. See https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview,
   * "configuring inventory via APIs").
   */
  private reportStatements(resources: string[], packed: boolean): BucketPolicyStatement[] {
    const statementFor = (group: string[]): BucketPolicyStatement => ({ principals: [this.serviceRole.principal], actions: ['name/cos:PutObject'], resources: group });
    if (!packed) return resources.map((resource) => statementFor([resource]));
    return packResourceGroups(resources, (group) => renderStatement(statementFor(group)), MAX_STATEMENT_BYTES).map(statementFor);
  }

  private renderPolicy(layout: ReportLayout = this.reportLayout()): string {
    return renderPolicyDocument([...layout.statements, ...this.userStatements]);
  }

  private createBucket(props: InventoryDestinationProps): CosBucket {
    return new CosBucket(this, 'Bucket', literalTemplates({
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
    }));
  }

  private validatePolicy(): string[] {
    const layout = this.reportLayout();
    if (layout.packed) {
      Annotations.of(this).addWarning(`one bucket policy statement per source (${this.grants.length} sources) would exceed the ${MAX_POLICY_BYTES}-byte policy budget: `
        + `report writes are granted in ${layout.statements.length} statement(s) over ${layout.resources.length} resource(s), one per ${layout.scope}`);
    }
    const problems: Problem[] = [
      ...this.userStatements.flatMap((statement, index) =>
        checkStatementSize(`addToResourcePolicy(statement ${index})`, known(JSON.stringify(renderStatement(statement))))),
      ...checkPolicySize('policy', this.renderPolicy(layout)),
    ];
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
