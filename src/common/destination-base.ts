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
import { checkPropsShape, choice, count, entriesOf, flag, PropsEntries, propsSchema } from './validation/props';

/**
 * What every destination is, whichever service. Not exported from the package: jsii copies its members into each
 * service's `IInventoryDestination`, which adds what its service documents its own way.
 * @internal
 */
export interface ReportDestination {
  /** Region of the bucket. */
  readonly region: string;
  /** Default report prefix. */
  readonly reportPrefix: string;
  /** Who owns the bucket's policy. */
  readonly policyOwner: BucketPolicyOwner;
}

/**
 * What a bucket created with a destination takes on both services (copied by jsii into each service's props).
 * @internal
 */
export interface CreatedBucketOptions {
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
   * Who owns the bucket's one policy.
   * @default BucketPolicyOwner.THIS_STACK
   */
  readonly policyOwner?: BucketPolicyOwner;
}

/** The shape of `CreatedBucketOptions` (for callers without the types). */
const CREATED_BUCKET_OPTIONS = entriesOf<CreatedBucketOptions>({
  reportExpirationDays: v.optional(count),
  forceDestroy: v.optional(flag),
  policyOwner: v.optional(choice),
});

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
  /** The shapes of the props, created or imported (for callers without the types): `destinationPropsSchemas`. */
  readonly propsSchemas: Record<DestinationOrigin, v.GenericSchema>;
  /** The service's rules on the attributes, given the report prefix in effect (a method: it takes the service's attributes). */
  problems(attributes: DestinationAttributes, reportPrefix: string): Problem[];
  /** How the service spells what `grantRead` allows. */
  readonly readerGrant: ReaderGrant;
}

/** How a service spells what `grantRead` allows: reading the report objects, and a listing limited to them. */
export interface ReaderGrant {
  readonly objectActions: readonly string[];
  readonly listActions: readonly string[];
  /** The condition limiting a listing to keys that match `keyPatterns` (`<prefix>/*`). */
  listCondition(keyPatterns: string[]): NonNullable<PolicyStatement['conditions']>;
}

/**
 * The shapes of a destination's props (for callers without the types): what every destination is described by,
 * and what a created one takes besides the options both services share. The type parameters, the service's props
 * (`P`) and attributes (`A`), make the compiler hold both lists to every prop.
 */
export function destinationPropsSchemas<P, A>(
  attributes: PropsEntries<Omit<A, 'policyOwner'>>,
  createdOnly: PropsEntries<Omit<P, keyof A | keyof CreatedBucketOptions>>,
): Record<DestinationOrigin, v.GenericSchema> {
  return {
    destination: propsSchema({ ...attributes, ...CREATED_BUCKET_OPTIONS, ...createdOnly }),
    importedDestination: propsSchema({ ...attributes, policyOwner: choice }),
  };
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
  private readonly grantedReportPrefixes = new Set<string>();
  private bucketPolicy?: TerraformResource;
  private createdBucket?: CreatedBucket;

  protected constructor(scope: Construct, id: string, attributes: DestinationAttributes, origin: DestinationOrigin, private readonly service: DestinationService) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, `${service.service}.InventoryDestination`, origin, service.propsSchemas[origin], attributes);
    this.reportPrefix = attributes.reportPrefix ?? DEFAULT_REPORT_PREFIX[service.service];
    throwIfProblems(this.node.path, service.problems(attributes, this.reportPrefix));
    this._additions = new PolicyAdditions(this.node.path, service.service);
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
   * What the policy holds besides the report writes: for readers, the report objects under every prefix in use and
   * a listing limited to those prefixes; then your own statements.
   * @internal
   */
  protected _statementsBesideReportWrites(): PolicyStatement[] {
    const readers = this._additions.readers;
    const keyPatterns = this._reportPrefixesInUse().map((prefix) => `${prefix}/*`);
    const grant = this.service.readerGrant;
    const reading: PolicyStatement[] = readers.length === 0 ? [] : [
      { principals: readers, actions: [...grant.objectActions], resources: keyPatterns.map((pattern) => this._resourceName(pattern)) },
      { principals: readers, actions: [...grant.listActions], resources: [this._resourceName()], conditions: grant.listCondition(keyPatterns) },
    ];
    return [...reading, ...this._additions.statements];
  }

  /**
   * The bucket's name in a policy `Resource`, or, given a key pattern, the name of the objects matching it.
   * @internal
   */
  protected abstract _resourceName(keyPattern?: string): string;

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
   * Called once a source was granted its report writes under `reportPrefix`: the policy needs its resource, and an
   * inventory may have brought a report prefix of its own, which needs its expiry rule.
   * @internal
   */
  protected _reportSourceGranted(reportPrefix: string): void {
    this.grantedReportPrefixes.add(reportPrefix);
    this.ensurePolicy();
    this.putExpiryRules();
  }

  /**
   * The report prefixes sources were granted, in the order granted.
   * @internal
   */
  protected _grantedReportPrefixes(): string[] {
    return [...this.grantedReportPrefixes];
  }

  /**
   * Every report prefix in use: the destination's own, then the inventories' in the order granted.
   * @internal
   */
  protected _reportPrefixesInUse(): string[] {
    return [...new Set([this.reportPrefix, ...this.grantedReportPrefixes])];
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
