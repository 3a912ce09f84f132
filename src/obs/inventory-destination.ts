import * as v from 'valibot';
import { ObsBucket, ObsBucketLifecycleRule } from '../.gen/providers/huaweicloud/obs-bucket';
import { ObsBucketPolicy } from '../.gen/providers/huaweicloud/obs-bucket-policy';
import { assertSameCore, Construct, IConstruct, Lazy, TerraformResource, TerraformStack } from '../core';
import { checkPolicySize } from '../contract/rules/bucket-policy';
import { checkExpirationDays } from '../contract/rules/expiration-days';
import { checkReportPrefix } from '../contract/rules/object-prefix';
import { checkObsBucketName } from '../contract/rules/obs-bucket-name';
import { describeProblem, Problem, throwIfProblems } from '../contract/rules/problem';
import { checkObsRegion } from '../contract/rules/region';
import { DEFAULT_REPORT_PREFIX } from '../common/inventory-options';
import { DestinationConfigs } from '../common/inventory-configs';
import { PolicyAdditions } from '../common/policy-parts';
import { BucketPolicyOwner, PolicyStatement } from '../common/policy-statement';
import { reportExpiryRules } from '../common/report-expiry';
import { literalTemplate, literalTemplates } from '../common/terraform-literal';
import { known } from '../common/validation/known';
import { checkPropsShape, count, choice, entriesOf, flag, propsSchema, text, textMap } from '../common/validation/props';
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
export interface IInventoryDestination extends IConstruct {
  /** Name of the bucket. */
  readonly bucketName: string;
  /** Region of the bucket. */
  readonly region: string;
  /** Default report prefix. */
  readonly reportPrefix: string;
  /** Who owns the bucket's policy. */
  readonly policyOwner: BucketPolicyOwner;
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
export interface InventoryDestinationProps extends InventoryDestinationAttributesBase {
  /**
   * Delete report objects this many days after they are written (a lifecycle rule on the report prefix).
   * @default - reports are kept
   */
  readonly reportExpirationDays?: number;
  /**
   * Allow `terraform destroy` to delete the bucket with its reports in it.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Tags of the bucket itself (not a filter).
   * @default - none
   */
  readonly bucketTags?: { [key: string]: string };
  /**
   * Who owns the bucket's one policy.
   * @default BucketPolicyOwner.THIS_STACK
   */
  readonly policyOwner?: BucketPolicyOwner;
}

/** Created in this stack, or imported: which props the destination takes. */
type DestinationOrigin = 'destination' | 'importedDestination';

const ATTRIBUTES_BASE = entriesOf<InventoryDestinationAttributesBase>({ bucketName: text, region: text, reportPrefix: v.optional(text) });

/** The shapes of the props (for callers without the types). */
const PROPS_SCHEMAS: Record<DestinationOrigin, v.GenericSchema> = {
  destination: propsSchema(entriesOf<InventoryDestinationProps>({
    ...ATTRIBUTES_BASE,
    reportExpirationDays: v.optional(count),
    forceDestroy: v.optional(flag),
    bucketTags: v.optional(textMap),
    policyOwner: v.optional(choice),
  })),
  importedDestination: propsSchema(entriesOf<InventoryDestinationAttributes>({ ...ATTRIBUTES_BASE, policyOwner: choice })),
};

/**
 * What created and imported OBS destinations share: for every report prefix in use, one statement allowing the
 * `obs` service to `PutObject` under that prefix only, plus readers and your own statements, in the bucket's one
 * `huaweicloud_obs_bucket_policy` when this stack owns it (synthesized only once it has a statement).
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
abstract class InventoryDestinationBase extends Construct implements IInventoryDestination {
  public readonly bucketName: string;
  public readonly region: string;
  public readonly reportPrefix: string;
  public readonly policyOwner: BucketPolicyOwner;
  public readonly policyJson: string;

  private readonly additions: PolicyAdditions;
  private readonly reportPrefixes: string[] = [];
  private bucketPolicy?: TerraformResource;

  protected constructor(scope: Construct, id: string, attributes: InventoryDestinationAttributes, origin: DestinationOrigin) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, 'obs.InventoryDestination', origin, PROPS_SCHEMAS[origin], attributes);
    this.reportPrefix = attributes.reportPrefix ?? DEFAULT_REPORT_PREFIX.obs;
    throwIfProblems(this.node.path, [
      ...checkObsBucketName('bucketName', known(attributes.bucketName)),
      ...checkObsRegion('region', known(attributes.region)),
      ...checkReportPrefix('reportPrefix', known(this.reportPrefix)),
    ]);
    this.additions = new PolicyAdditions(this.node.path);
    this.bucketName = attributes.bucketName;
    this.region = attributes.region;
    this.policyOwner = attributes.policyOwner;
    this.policyJson = Lazy.stringValue({ produce: () => literalTemplate(this.renderPolicy()) });
    // Made with the destination, so that removing its last inventory from the code still deletes that config.
    DestinationConfigs.of(this, 'obs', this.bucketName, this.region);
    this.node.addValidation({
      validate: () => [...this.encryptedBucketProblems(), ...checkPolicySize('policy', this.renderPolicy())].map(describeProblem),
    });
  }

  public get policy(): TerraformResource | undefined {
    return this.bucketPolicy;
  }

  public allowInventoryReportsFrom(source: ReportSource): string {
    const reportPrefix = source.reportPrefix ?? this.reportPrefix;
    if (!this.reportPrefixes.includes(reportPrefix)) this.reportPrefixes.push(reportPrefix);
    this.ensurePolicy();
    this._reportPrefixesChanged();
    return `${reportPrefix}/${source.bucketName}`;
  }

  /**
   * Called when an inventory may have brought a report prefix of its own.
   * @internal
   */
  protected _reportPrefixesChanged(): void {}

  /**
   * Every report prefix in use: the destination's own, then each inventory's.
   * @internal
   */
  protected _reportPrefixesInUse(): string[] {
    return [...new Set([this.reportPrefix, ...this.reportPrefixes])];
  }

  public addToResourcePolicy(statement: PolicyStatement): void {
    this.additions.addStatement(statement);
    this.ensurePolicy();
  }

  public grantRead(principal: string): void {
    this.additions.addReader(principal);
    this.ensurePolicy();
  }

  /**
   * The bucket name as the policy resource names it: a reference orders the policy after a bucket created here.
   * @internal
   */
  protected abstract _policyBucket(): string;

  /** The one policy resource, made on the first statement and only when this stack owns the policy. */
  private ensurePolicy(): void {
    if (this.policyOwner !== BucketPolicyOwner.THIS_STACK || this.bucketPolicy) return;
    this.bucketPolicy = new ObsBucketPolicy(this, 'Policy', { bucket: this._policyBucket(), region: literalTemplate(this.region), policyFormat: 'obs', policy: this.policyJson });
  }

  /**
   * One statement per report prefix, or, when that would pass OBS's 20 KB policy limit, one statement over all the
   * prefixes (the same resources, fewer bytes); the validation refuses a policy that still does not fit.
   */
  private renderPolicy(): string {
    const resources = this.reportPrefixes.map((prefix) => `${this.bucketName}/${prefix}/*`);
    const others = this.otherStatements().map(renderObsStatement);
    const document = (writes: object[]) => JSON.stringify({ Statement: [...writes, ...others] });
    const perPrefix = document(resources.map((resource, index) => reportWriteStatement(`obs-inventory-${index}`, [resource])));
    return checkPolicySize('policy', perPrefix).length === 0 ? perPrefix : document([reportWriteStatement('obs-inventory', resources)]);
  }

  /** Readers get the report objects under every prefix in use and a listing limited to them; then your own statements. */
  private otherStatements(): PolicyStatement[] {
    const readers = this.additions.readers;
    const prefixes = this._reportPrefixesInUse();
    const reading: PolicyStatement[] = readers.length === 0 ? [] : [
      { principals: readers, actions: ['GetObject'], resources: prefixes.map((prefix) => `${this.bucketName}/${prefix}/*`) },
      { principals: readers, actions: ['ListBucket'], resources: [this.bucketName], conditions: { StringLike: { prefix: prefixes.map((prefix) => `${prefix}/*`) } } },
    ];
    return [...reading, ...this.additions.statements];
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

/** An OBS bucket created elsewhere. */
class ImportedInventoryDestination extends InventoryDestinationBase {
  constructor(scope: Construct, id: string, attributes: InventoryDestinationAttributes) {
    super(scope, id, attributes, 'importedDestination');
  }

  /** @internal */
  protected _policyBucket(): string {
    return literalTemplate(this.bucketName);
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
    return new ImportedInventoryDestination(scope, id, { bucketName, region, policyOwner: BucketPolicyOwner.ELSEWHERE });
  }

  /** An existing bucket, with an explicit choice of who owns its policy. It must not use default encryption. */
  public static fromBucketAttributes(scope: Construct, id: string, attributes: InventoryDestinationAttributes): IInventoryDestination {
    return new ImportedInventoryDestination(scope, id, attributes);
  }

  /** The `huaweicloud_obs_bucket`. */
  public readonly bucket: TerraformResource;
  private readonly reportExpirationDays?: number;

  constructor(scope: Construct, id: string, props: InventoryDestinationProps) {
    super(scope, id, { ...props, policyOwner: props.policyOwner ?? BucketPolicyOwner.THIS_STACK }, 'destination');
    throwIfProblems(this.node.path, checkExpirationDays('reportExpirationDays', known(props.reportExpirationDays)));
    this.reportExpirationDays = props.reportExpirationDays;
    // No `encryption`: OBS delivers no inventory into a bucket with default encryption.
    this.bucket = new ObsBucket(this, 'Bucket', literalTemplates({
      bucket: props.bucketName,
      region: props.region,
      acl: 'private',
      forceDestroy: props.forceDestroy ?? false,
      tags: props.bucketTags,
      lifecycleRule: this.expiryRules(),
    }));
    // The ledger is an object of this bucket.
    DestinationConfigs.waitFor(this, this.bucket);
  }

  /** @internal */
  protected _reportPrefixesChanged(): void {
    const rules = this.expiryRules();
    if (rules) (this.bucket as ObsBucket).putLifecycleRule(rules);
  }

  /** One rule per report prefix in use, so an inventory with its own `reportPrefix` keeps its reports no longer. */
  private expiryRules(): ObsBucketLifecycleRule[] | undefined {
    const days = this.reportExpirationDays;
    if (days === undefined) return undefined;
    return literalTemplates(reportExpiryRules(this.reportPrefix, this._reportPrefixesInUse())
      .map((rule) => ({ name: rule.id, enabled: true, prefix: rule.prefix, expiration: [{ days }] })));
  }

  /** @internal */
  protected _policyBucket(): string {
    return (this.bucket as ObsBucket).bucket;
  }
}
