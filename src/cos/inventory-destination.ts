import * as v from 'valibot';
import { CosBucket } from '../.gen/providers/tencentcloud/cos-bucket';
import { CosBucketPolicy } from '../.gen/providers/tencentcloud/cos-bucket-policy';
import { Annotations, Construct, IConstruct, TerraformResource } from '../core';
import { cosObjectResource, sourceReportPath } from '../contract/names';
import { checkPolicySize, MAX_POLICY_BYTES } from '../contract/rules/bucket-policy';
import { checkAppId, checkBucketName } from '../contract/rules/bucket-name';
import { checkOwnerUin } from '../contract/rules/choices';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { Problem } from '../contract/rules/problem';
import { checkRegion } from '../contract/rules/region';
import { checkStatementSize, MAX_STATEMENT_BYTES } from '../contract/rules/statement-size';
import {
  CreatedBucket, CreatedBucketOptions, createdDestinationAttributes, DestinationBase, DestinationOrigin, destinationPropsSchemas, DestinationService, ReportDestination,
} from '../common/destination-base';
import { BucketPolicyOwner, PolicyStatement } from '../common/policy-statement';
import { packResourceGroups, REPORT_GRANT_SCOPES, reportGrantPaths, ReportGrantScope, ReportSourceGrant } from '../common/report-write-grants';
import { literalTemplates } from '../common/terraform-literal';
import { known } from '../common/validation/known';
import { flag, reference, text, textMap } from '../common/validation/props';
import { renderCosPolicy, renderCosStatement } from './bucket-policy';
import { currentAccount } from './current-account';
import { IServiceRole, ServiceRole } from './service-role';
import { splitBucketName } from './source';

/** A source bucket whose reports a destination accepts. */
export interface ReportSource {
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

/** A COS bucket inventory reports go to, created in this stack or imported. */
export interface IInventoryDestination extends IConstruct, ReportDestination {
  /** Full bucket name, with `-APPID`. */
  readonly bucketName: string;
  /** APPID of the bucket's account. */
  readonly appId: string;
  /** Owner UIN of the bucket's account, the `AccountId` of inventory destinations. */
  readonly ownerUin: string;
  /** The role COS writes reports as. */
  readonly serviceRole: IServiceRole;
  /** The `tencentcloud_cos_bucket_policy`, once this stack owns the policy and it has a statement. */
  readonly policy?: TerraformResource;
  /**
   * The whole policy document this destination needs, as JSON: report writes, report readers and statements added
   * with `addToResourcePolicy`. When the policy is owned elsewhere, merge it into that policy.
   */
  readonly policyJson: string;
  /**
   * Lets COS write the reports of one source bucket: adds the bucket policy statement for the source's report
   * path and lets the service role write there. Calling it again for the same source and prefix adds nothing.
   * `BucketInventory` and `InventoryJob` call it for you.
   *
   * @returns the report path of the source, relative to the bucket: `<prefix>/<appid>/<name without -appid>`
   */
  allowInventoryReportsFrom(source: ReportSource): string;
  /** Adds a statement of your own to the bucket policy (COS keeps one policy per bucket). */
  addToResourcePolicy(statement: PolicyStatement): void;
  /**
   * Lets a CAM principal read the reports and nothing else: `GetObject` and `HeadObject` under each report prefix
   * in use, and `GetBucket` (listing) limited to those prefixes.
   * @param principal for example `qcs::cam::uin/100000000001:uin/100000000002`
   */
  grantRead(principal: string): void;
}

/** What every COS destination is described by, created or imported. */
interface InventoryDestinationAttributesBase {
  /** Full name of the bucket, with its `-APPID` suffix, for example `inventory-1250000000`. */
  readonly bucketName: string;
  /** Region of the bucket. Every source bucket reporting into it must be in the same region. */
  readonly region: string;
  /**
   * APPID of the account owning the bucket.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Owner UIN of the bucket's account: inventory configs name it as `AccountId`.
   * @default - read from the `tencentcloud_user_info` data source
   */
  readonly ownerUin?: string;
  /**
   * Prefix the reports are written under; COS appends the `/`. Inventories may override it.
   * @default 'cos_bucket_inventory'
   */
  readonly reportPrefix?: string;
  /**
   * The service role COS writes reports as.
   * @default - the account's existing `COS_QcsRole` (`ServiceRole.fromAccount`)
   */
  readonly serviceRole?: IServiceRole;
}

/** An existing COS bucket, imported with {@link InventoryDestination.fromBucketAttributes}. */
export interface InventoryDestinationAttributes extends InventoryDestinationAttributesBase {
  /**
   * Who owns the bucket's one policy. `THIS_STACK` replaces the policy the bucket has with the destination's;
   * `ELSEWHERE` synthesizes none, and `policyJson` is what to merge into it.
   */
  readonly policyOwner: BucketPolicyOwner;
}

/** Props of {@link InventoryDestination}: a bucket created in this stack. */
export interface InventoryDestinationProps extends InventoryDestinationAttributesBase, CreatedBucketOptions {
  /**
   * Encrypt objects at rest with COS-managed keys (SSE-COS, `AES256`).
   * @default true
   */
  readonly defaultEncryption?: boolean;
  /**
   * Tags of the bucket itself (not a filter: inventories filter objects with `filter.objectTags`).
   * @default - none
   */
  readonly bucketTags?: { [key: string]: string };
}

/** What the shared destination skeleton needs of COS. */
const COS_DESTINATION: DestinationService = {
  service: 'cos',
  propsSchemas: destinationPropsSchemas<InventoryDestinationProps, InventoryDestinationAttributes>(
    { bucketName: text, region: text, appId: v.optional(text), ownerUin: v.optional(text), reportPrefix: v.optional(text), serviceRole: v.optional(reference) },
    { defaultEncryption: v.optional(flag), bucketTags: v.optional(textMap) },
  ),
  problems: (attributes: InventoryDestinationAttributes, reportPrefix: string) => [
    ...checkBucketName('bucketName', known(attributes.bucketName)),
    ...checkAppId('appId', known(attributes.appId), known(attributes.bucketName)),
    ...checkRegion('region', known(attributes.region)),
    ...checkReportPrefix('reportPrefix', known(reportPrefix)),
    ...checkOwnerUin('ownerUin', known(attributes.ownerUin)),
  ],
  readerGrant: {
    objectActions: ['name/cos:GetObject', 'name/cos:HeadObject'],
    listActions: ['name/cos:GetBucket'],
    listCondition: (keyPatterns) => ({ string_like: { 'cos:prefix': keyPatterns } }),
  },
};

/** How the report-write statements of a policy are laid out. */
interface ReportLayout {
  readonly scope: ReportGrantScope;
  /** Several resources share a statement. */
  readonly packed: boolean;
  readonly resources: string[];
  readonly statements: PolicyStatement[];
}

/**
 * A COS destination, imported as it is, and what a created one adds its bucket to: the report grants and the COS
 * bucket policy they make.
 *
 * Each source bucket that reports here adds one statement allowing `COS_QcsRole` to `PutObject` under that source's
 * report path and nowhere else. When that many statements would make the policy larger than 20 KB, they are packed
 * into fewer statements, and then widened to one resource per source account or per report prefix, with a warning
 * at synth time. The policy resource is synthesized only when this stack owns the policy, and only once it has a
 * statement: an empty one would wipe the bucket's policy.
 *
 * @example
 * const destination = cos.InventoryDestination.fromBucketAttributes(this, 'Reports', {
 *   bucketName: 'inventory-reports-1250000000',
 *   region: 'ap-guangzhou',
 *   policyOwner: BucketPolicyOwner.THIS_STACK,
 * });
 * destination.grantRead('qcs::cam::uin/100000000001:uin/100000000002');
 */
class InventoryDestinationBase extends DestinationBase implements IInventoryDestination {
  public readonly bucketName: string;
  public readonly appId: string;
  public readonly ownerUin: string;
  public readonly serviceRole: IServiceRole;
  public readonly policyJson: string;

  private readonly grants: ReportSourceGrant[] = [];
  /** The report path of each grant, so a thousand sources are not compared with each other. */
  private readonly grantedPaths = new Set<string>();

  constructor(scope: Construct, id: string, attributes: InventoryDestinationAttributes, origin: DestinationOrigin) {
    super(scope, id, attributes, origin, COS_DESTINATION);
    this.bucketName = attributes.bucketName;
    this.policyJson = this._policyJson;
    this.appId = attributes.appId ?? splitBucketName(attributes.bucketName).appId;
    this.ownerUin = attributes.ownerUin ?? currentAccount(this).ownerUin;
    this.serviceRole = attributes.serviceRole ?? ServiceRole.fromAccount(this, 'ServiceRole', { ownerUin: this.ownerUin });
    if (this.serviceRole instanceof ServiceRole) this.serviceRole._allowReportWritesTo(() => this.reportLayout().resources);
  }

  public allowInventoryReportsFrom(source: ReportSource): string {
    const sourceParts = splitBucketName(source.bucketName);
    const grant: ReportSourceGrant = {
      reportPrefix: source.reportPrefix ?? this.reportPrefix,
      appId: source.appId ?? sourceParts.appId,
      shortName: sourceParts.shortName,
    };
    const reportPath = sourceReportPath(grant.reportPrefix, grant);
    if (!this.grantedPaths.has(reportPath)) {
      this.grantedPaths.add(reportPath);
      this.grants.push(grant);
    }
    this._reportSourceGranted(grant.reportPrefix);
    return reportPath;
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
    return new CosBucketPolicy(this, 'Policy', { bucket, policy: this.policyJson });
  }

  /**
   * The narrowest layout whose whole policy fits: one statement per source, then the same resources packed into
   * fewer statements, then one resource per source account, then one per report prefix.
   */
  private reportLayout(): ReportLayout {
    let layout: ReportLayout | undefined;
    for (const scope of REPORT_GRANT_SCOPES) {
      const resources = reportGrantPaths(this.grants, scope).map((path) => this._resourceName(`${path}/*`));
      for (const packed of scope === ReportGrantScope.SOURCE ? [false, true] : [true]) {
        layout = { scope, packed, resources, statements: this.reportStatements(resources, packed) };
        if (checkPolicySize('policy', this._renderPolicy(layout)).length === 0) return layout;
      }
    }
    return layout!;
  }

  /** @internal */
  protected _resourceName(keyPattern = '*'): string {
    return cosObjectResource(this.region, this.appId, this.bucketName, keyPattern);
  }

  /**
   * Bucket policy form from the COS docs: principal the CAM role, action name/cos:PutObject, six-segment resources
   * under the report paths. See https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview,
   * "configuring inventory via APIs").
   */
  private reportStatements(resources: string[], packed: boolean): PolicyStatement[] {
    const statementFor = (group: string[]): PolicyStatement => ({ principals: [this.serviceRole.principal], actions: ['name/cos:PutObject'], resources: group });
    if (!packed) return resources.map((resource) => statementFor([resource]));
    return packResourceGroups(resources, (group) => renderCosStatement(statementFor(group)), MAX_STATEMENT_BYTES).map(statementFor);
  }

  /** @internal */
  protected _renderPolicy(layout: ReportLayout = this.reportLayout()): string {
    return renderCosPolicy([...layout.statements, ...this._statementsBesideReportWrites()]);
  }

  /** @internal */
  protected _policyProblems(): Problem[] {
    const layout = this.reportLayout();
    if (layout.packed) {
      Annotations.of(this).addWarning(`one bucket policy statement per source (${this.grants.length} sources) would exceed the ${MAX_POLICY_BYTES}-byte policy budget: `
        + `report writes are granted in ${layout.statements.length} statement(s) over ${layout.resources.length} resource(s), one per ${layout.scope}`);
    }
    return [
      ...this._additions.statements.flatMap((statement, index) =>
        checkStatementSize(`addToResourcePolicy(statement ${index})`, known(JSON.stringify(renderCosStatement(statement))))),
      ...checkPolicySize('policy', this._renderPolicy(layout)),
    ];
  }
}

/**
 * A COS bucket created for inventory reports (private, SSE-COS encrypted, optional report expiry), with the bucket
 * policy COS needs to write them. Import a bucket created elsewhere with {@link InventoryDestination.fromBucketName}
 * or {@link InventoryDestination.fromBucketAttributes}.
 *
 * @example
 * const destination = new cos.InventoryDestination(this, 'Destination', {
 *   bucketName: 'inventory-reports-1250000000',
 *   region: 'ap-guangzhou',
 *   reportExpirationDays: 90,
 * });
 * destination.grantRead('qcs::cam::uin/100000000001:uin/100000000002');
 */
export class InventoryDestination extends InventoryDestinationBase {
  /**
   * An existing bucket whose policy is owned elsewhere: nothing about the bucket is synthesized, and
   * `policyJson` is what to merge into its policy. The owner UIN comes from the `tencentcloud_user_info` data
   * source; `fromBucketAttributes` with `ownerUin` avoids reading it.
   */
  public static fromBucketName(scope: Construct, id: string, bucketName: string, region: string): IInventoryDestination {
    return new InventoryDestinationBase(scope, id, { bucketName, region, policyOwner: BucketPolicyOwner.ELSEWHERE }, 'importedDestination');
  }

  /** An existing bucket, with an explicit choice of who owns its policy. */
  public static fromBucketAttributes(scope: Construct, id: string, attributes: InventoryDestinationAttributes): IInventoryDestination {
    return new InventoryDestinationBase(scope, id, attributes, 'importedDestination');
  }

  /** The `tencentcloud_cos_bucket`. */
  public readonly bucket: TerraformResource;

  constructor(scope: Construct, id: string, props: InventoryDestinationProps) {
    super(scope, id, createdDestinationAttributes(props), 'destination');
    this.bucket = this._useCreatedBucket(reportBucket(this, props));
  }
}

/** The bucket of a created COS destination: private, SSE-COS encrypted unless turned off, reports expiring when asked. */
function reportBucket(scope: Construct, props: InventoryDestinationProps): CreatedBucket {
  const bucket = new CosBucket(scope, 'Bucket', literalTemplates({
    bucket: props.bucketName,
    acl: 'private',
    encryptionAlgorithm: (props.defaultEncryption ?? true) ? 'AES256' : undefined,
    forceClean: props.forceDestroy ?? false,
    tags: props.bucketTags,
  }));
  return {
    resource: bucket,
    expirationDays: props.reportExpirationDays,
    putExpiryRules: (rules, days) => bucket.putLifecycleRules(literalTemplates(rules.map((rule) => ({ id: rule.id, filterPrefix: rule.prefix, expiration: { days } })))),
  };
}
