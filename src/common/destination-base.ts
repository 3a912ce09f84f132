import * as v from 'valibot';
import { assertSameCore, Construct, Lazy, TerraformResource } from '../core';
import { checkExpirationDays } from '../contract/rules/expiration-days';
import { describeProblem, Problem, throwIfProblems } from '../contract/rules/problem';
import { DestinationConfigs } from './inventory-configs';
import { DEFAULT_REPORT_PREFIX } from './inventory-options';
import { PolicyAdditions } from './policy-parts';
import { BucketPolicyOwner, PolicyStatement } from './policy-statement';
import { ReportExpiryRule, reportExpiryRules } from './report-expiry';
import { literalTemplate } from './terraform-literal';
import { known } from './validation/known';
import { checkPropsShape } from './validation/props';

/** What the shared skeleton reads of a destination's attributes, whichever service. */
export interface DestinationAttributes {
  readonly bucketName: string;
  readonly region: string;
  readonly reportPrefix?: string;
  readonly policyOwner: BucketPolicyOwner;
}

/** Created in this stack, or imported: which props the destination takes. */
export type DestinationOrigin = 'destination' | 'importedDestination';

/** What a service's destination tells the shared skeleton about itself. */
export interface DestinationService {
  readonly service: keyof typeof DEFAULT_REPORT_PREFIX;
  /** The shapes of the props, created or imported (for callers without the types). */
  readonly propsSchemas: Record<DestinationOrigin, v.GenericSchema>;
  /** The service's rules on the attributes, given the report prefix in effect (a method: it takes the service's attributes). */
  problems(attributes: DestinationAttributes, reportPrefix: string): Problem[];
}

/** A bucket created with the destination, whose report objects may expire. */
export interface CreatedBucket {
  readonly resource: TerraformResource;
  readonly expirationDays?: number;
  /** Writes the expiry rules in the service's lifecycle form onto the bucket resource. */
  readonly putExpiryRules: (rules: ReportExpiryRule[], days: number) => void;
}

/**
 * The skeleton of a destination, COS or OBS, created or imported: props checked, the one bucket policy resource made
 * on its first statement (and only when this stack owns the policy: an empty policy would wipe the bucket's), readers
 * and your own statements, report expiry on a created bucket. Each service fills in its report grants and its policy
 * format. Not part of the jsii API: jsii erases it, copying its public members into each service's destination. The
 * members whose docs differ per service (`bucketName`, `policyJson`, `policy`, `addToResourcePolicy`, `grantRead`)
 * are declared by each service, which takes their docs from its own `IInventoryDestination`: a member declared here
 * would take its docs from here.
 * @internal
 */
export abstract class DestinationBase extends Construct {
  /** Region of the bucket. */
  public readonly region: string;
  /** Default report prefix. */
  public readonly reportPrefix: string;
  /** Who owns the bucket's policy. */
  public readonly policyOwner: BucketPolicyOwner;

  /**
   * The whole policy document, in the service's format (each service declares `policyJson` with its own docs).
   * @internal
   */
  protected readonly _policyJson: string;

  /** @internal */
  protected readonly _additions: PolicyAdditions;
  private readonly givenBucketName: string;
  private bucketPolicy?: TerraformResource;
  private createdBucket?: CreatedBucket;

  protected constructor(scope: Construct, id: string, attributes: DestinationAttributes, origin: DestinationOrigin, service: DestinationService) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, `${service.service}.InventoryDestination`, origin, service.propsSchemas[origin], attributes);
    this.reportPrefix = attributes.reportPrefix ?? DEFAULT_REPORT_PREFIX[service.service];
    throwIfProblems(this.node.path, service.problems(attributes, this.reportPrefix));
    this._additions = new PolicyAdditions(this.node.path);
    this.givenBucketName = attributes.bucketName;
    this.region = attributes.region;
    this.policyOwner = attributes.policyOwner;
    this._policyJson = Lazy.stringValue({ produce: () => literalTemplate(this._renderPolicy()) });
    // Made with the destination, so that removing its last inventory from the code still deletes that config.
    DestinationConfigs.of(this, service.service, attributes.bucketName, attributes.region);
    // cdktf prefixes validation messages with the construct path itself.
    this.node.addValidation({ validate: () => this._policyProblems().map(describeProblem) });
  }

  /**
   * The policy resource, once made.
   * @internal
   */
  protected _policy(): TerraformResource | undefined {
    return this.bucketPolicy;
  }

  /**
   * Adds a statement of your own to the policy.
   * @internal
   */
  protected _addStatement(statement: PolicyStatement): void {
    this._additions.addStatement(statement);
    this.ensurePolicy();
  }

  /**
   * Lets a principal read the reports.
   * @internal
   */
  protected _addReader(principal: string): void {
    this._additions.addReader(principal);
    this.ensurePolicy();
  }

  /**
   * Report prefixes the service's grants name, besides the destination's own.
   * @internal
   */
  protected abstract _grantedReportPrefixes(): string[];

  /**
   * The service's bucket policy resource over `bucket`, holding `policyJson`.
   * @internal
   */
  protected abstract _newPolicy(bucket: string): TerraformResource;

  /**
   * The whole policy document, in the service's format.
   * @internal
   */
  protected abstract _renderPolicy(): string;

  /**
   * What is wrong with the policy, or with the stack around it, once the stack is complete.
   * @internal
   */
  protected abstract _policyProblems(): Problem[];

  /**
   * Called once a source was granted its report writes: the policy needs its resource, and an inventory may have
   * brought a report prefix of its own, which needs its expiry rule.
   * @internal
   */
  protected _reportSourceGranted(): void {
    this.ensurePolicy();
    this.putExpiryRules();
  }

  /**
   * Every report prefix in use: the destination's own, then each inventory's.
   * @internal
   */
  protected _reportPrefixesInUse(): string[] {
    return [...new Set([this.reportPrefix, ...this._grantedReportPrefixes()])];
  }

  /**
   * Records the bucket created with the destination: its policy names it by reference (ordering the policy after
   * it), and with `expirationDays` report objects expire, one rule per report prefix in use.
   * @internal
   */
  protected _useCreatedBucket(bucket: CreatedBucket): TerraformResource {
    throwIfProblems(this.node.path, checkExpirationDays('reportExpirationDays', known(bucket.expirationDays)));
    this.createdBucket = bucket;
    this.putExpiryRules();
    // The ledger is an object of this bucket.
    DestinationConfigs.waitFor(this, bucket.resource);
    return bucket.resource;
  }

  /** The one policy resource, made on the first statement and only when this stack owns the policy. */
  private ensurePolicy(): void {
    if (this.policyOwner !== BucketPolicyOwner.THIS_STACK || this.bucketPolicy) return;
    const bucket = this.createdBucket?.resource.getStringAttribute('bucket') ?? literalTemplate(this.givenBucketName);
    this.bucketPolicy = this._newPolicy(bucket);
  }

  /** One rule per report prefix in use, so an inventory with its own `reportPrefix` keeps its reports no longer. */
  private putExpiryRules(): void {
    const days = this.createdBucket?.expirationDays;
    if (days === undefined) return;
    this.createdBucket!.putExpiryRules(reportExpiryRules(this.reportPrefix, this._reportPrefixesInUse()), days);
  }
}

/** The attributes of a destination created in this stack: its policy is this stack's unless the props say otherwise. */
export function createdDestinationAttributes<T extends { readonly policyOwner?: BucketPolicyOwner }>(props: T): T & { policyOwner: BucketPolicyOwner } {
  return { ...props, policyOwner: props.policyOwner ?? BucketPolicyOwner.THIS_STACK };
}
