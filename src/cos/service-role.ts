import * as v from 'valibot';
import { CamPolicy } from '../.gen/providers/tencentcloud/cam-policy';
import { CamRole } from '../.gen/providers/tencentcloud/cam-role';
import { CamRolePolicyAttachment } from '../.gen/providers/tencentcloud/cam-role-policy-attachment';
import { assertSameCore, Construct, IConstruct, Lazy, TerraformResource } from '../core';
import { currentAccount } from './current-account';
import { checkOwnerUin } from '../contract/rules/choices';
import { known } from '../common/validation/known';
import { throwIfProblems } from '../contract/rules/problem';
import { MAX_STATEMENT_BYTES } from '../contract/rules/statement-size';
import { packResourceGroups } from '../common/report-write-grants';
import { literalTemplate } from '../common/terraform-literal';
import { checkPropsShape, entriesOf, flag, propsSchema, text } from '../common/validation/props';

/** Where COS must be able to write reports: the six-segment resources (each ending in `/*`) a bucket policy grants. */
type ReportLocations = () => string[];

/** The CAM service role COS writes reports as, created here or referenced. */
export interface IServiceRole extends IConstruct {
  /** Owner UIN of the account the role is in. */
  readonly ownerUin: string;
  /** `qcs::cam::uin/<owner uin>:roleName/COS_QcsRole`, the principal bucket policies grant. */
  readonly principal: string;
}

/** Props of {@link ServiceRole.create}. */
export interface ServiceRoleProps {
  /**
   * Owner UIN of the account the role lives in.
   * @default - read from the `tencentcloud_user_info` data source
   */
  readonly ownerUin?: string;
  /**
   * Name of the least-privilege CAM policy attached to the role (account-wide, like the role).
   * @default 'CosInventoryReportWriter'
   */
  readonly policyName?: string;
  /**
   * Let a plan delete the role, its policy and their attachment (`terraform destroy`, a replacement). The role is
   * account-wide: every other stack's `fromAccount` and the inventories made in the COS console write as it. So by
   * default all three carry `lifecycle.prevent_destroy`, and a plan that would delete one of them fails, naming it.
   * Removing the construct from the code removes the setting with it: `terraform state rm` the three first to keep
   * the role.
   * @default false
   */
  readonly allowDestroy?: boolean;
}

/** Props of {@link ServiceRole.fromAccount}. */
export interface ServiceRoleAttributes {
  /**
   * Owner UIN of the account the role lives in.
   * @default - read from the `tencentcloud_user_info` data source
   */
  readonly ownerUin?: string;
}

const ROLE_NAME = 'COS_QcsRole';

/** The shapes of the props (for callers without the types). */
const PROPS_SCHEMA = propsSchema(entriesOf<ServiceRoleProps>({ ownerUin: v.optional(text), policyName: v.optional(text), allowDestroy: v.optional(flag) }));
const ATTRIBUTES_SCHEMA = propsSchema(entriesOf<ServiceRoleAttributes>({ ownerUin: v.optional(text) }));

/** `qcs::cam::uin/<owner uin>:roleName/COS_QcsRole`. */
function rolePrincipal(ownerUin: string): string {
  return `qcs::cam::uin/${ownerUin}:roleName/${ROLE_NAME}`;
}

function resolveOwnerUin(scope: Construct, ownerUin: string | undefined): string {
  throwIfProblems(scope.node.path, checkOwnerUin('ownerUin', known(ownerUin)));
  return ownerUin ?? currentAccount(scope).ownerUin;
}

/** The account's existing `COS_QcsRole`: only the principal bucket policies name. */
class ExistingServiceRole extends Construct implements IServiceRole {
  public readonly ownerUin: string;
  public readonly principal: string;

  constructor(scope: Construct, id: string, attributes: ServiceRoleAttributes) {
    super(scope, id);
    checkPropsShape(this.node.path, 'cos.ServiceRole.fromAccount', 'serviceRole', ATTRIBUTES_SCHEMA, attributes);
    this.ownerUin = resolveOwnerUin(this, attributes.ownerUin);
    this.principal = rolePrincipal(this.ownerUin);
  }
}

/**
 * The CAM service role `COS_QcsRole` that COS assumes to write inventory reports. Its name is account-wide, so it
 * is created in exactly one stack of an account ({@link ServiceRole.create}), or by the COS console, and referenced
 * everywhere else ({@link ServiceRole.fromAccount}).
 *
 * Created, it trusts only the service `cos.cloud.tencent.com` and carries one policy that allows `cos:PutObject`
 * on the report locations of the destinations that use it, nothing else. It outlives its stack: destroying the
 * stack fails rather than delete the role the account relies on, unless `allowDestroy` is set.
 *
 * @see https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview, configuring inventory via APIs)
 *
 * @example
 * const serviceRole = cos.ServiceRole.create(this, 'CosServiceRole');
 * new cos.InventoryDestination(this, 'Destination', {
 *   bucketName: 'inventory-reports-1250000000',
 *   region: 'ap-guangzhou',
 *   serviceRole,
 * });
 */
export class ServiceRole extends Construct implements IServiceRole {
  /** The fixed name COS assumes. */
  public static readonly ROLE_NAME = ROLE_NAME;
  /** The service principal the role trusts. */
  public static readonly SERVICE_PRINCIPAL = 'cos.cloud.tencent.com';

  /** Creates `COS_QcsRole` with a least-privilege policy over the report locations of the destinations using it. */
  public static create(scope: Construct, id: string, props: ServiceRoleProps = {}): ServiceRole {
    return new ServiceRole(scope, id, props);
  }

  /** References the account's existing `COS_QcsRole`, created by another stack or by the COS console. */
  public static fromAccount(scope: Construct, id: string, attributes: ServiceRoleAttributes = {}): IServiceRole {
    return new ExistingServiceRole(scope, id, attributes);
  }

  public readonly ownerUin: string;
  public readonly principal: string;
  /** The `tencentcloud_cam_role`. */
  public readonly role: TerraformResource;
  /** The `tencentcloud_cam_policy` attached to the role. */
  public readonly policy: TerraformResource;

  private readonly reportLocations: ReportLocations[] = [];

  private constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, 'cos.ServiceRole.create', 'serviceRole', PROPS_SCHEMA, props);
    this.ownerUin = resolveOwnerUin(this, props.ownerUin);
    this.principal = rolePrincipal(this.ownerUin);
    const lifecycle = { preventDestroy: !(props.allowDestroy ?? false) };
    const role = new CamRole(this, 'Role', {
      lifecycle,
      name: ROLE_NAME,
      description: 'Assumed by COS to deliver bucket inventory reports (managed by cdktf-cos-inventory)',
      document: JSON.stringify({
        version: '2.0',
        statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: [ServiceRole.SERVICE_PRINCIPAL] } }],
      }),
    });
    const policy = new CamPolicy(this, 'Policy', {
      lifecycle,
      name: props.policyName ?? 'CosInventoryReportWriter',
      description: 'Lets COS write inventory reports only where the destination bucket policies let it',
      document: Lazy.stringValue({ produce: () => this.renderPolicy() }),
    });
    new CamRolePolicyAttachment(this, 'Attachment', { lifecycle, roleId: role.id, policyId: policy.id });
    this.role = role;
    this.policy = policy;
    this.node.addValidation({
      validate: () => (this.writeResources().length === 0
        ? [`a created ${ROLE_NAME} needs at least one InventoryDestination with a source using it; its policy would be empty`]
        : []),
    });
  }

  /**
   * Lets the role write exactly where a destination's bucket policy lets COS write, no wider. Every
   * `InventoryDestination` using a created role calls it for itself (a referenced role has a policy of its own).
   * @internal
   */
  public _allowReportWritesTo(locations: ReportLocations): void {
    this.reportLocations.push(locations);
  }

  private writeResources(): string[] {
    return [...new Set(this.reportLocations.flatMap((locations) => locations()))];
  }

  /** One PutObject statement per group of locations, each group kept under CAM's statement size limit. */
  private renderPolicy(): string {
    const statementFor = (resources: string[]) => ({ effect: 'allow', action: ['name/cos:PutObject'], resource: resources });
    const statements = packResourceGroups(this.writeResources(), statementFor, MAX_STATEMENT_BYTES).map(statementFor);
    return literalTemplate(JSON.stringify({ version: '2.0', statement: statements }));
  }
}
