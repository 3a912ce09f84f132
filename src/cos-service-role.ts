import { CamPolicy } from './.gen/providers/tencentcloud/cam-policy';
import { CamRole } from './.gen/providers/tencentcloud/cam-role';
import { CamRolePolicyAttachment } from './.gen/providers/tencentcloud/cam-role-policy-attachment';
import { Construct, Lazy, TerraformResource } from './core';
import { currentAccount } from './current-account';
import { checkOwnerUin } from './contract/rules/choices';
import { known } from './validation/known';
import { throwIfProblems } from './contract/rules/problem';
import { MAX_STATEMENT_BYTES } from './contract/rules/statement-size';
import { packResourceGroups } from './report-write-grants';
import { literalTemplate } from './terraform-literal';

/** Props of {@link CosServiceRole}. */
export interface CosServiceRoleProps {
  /**
   * Create the role in this stack. The name `COS_QcsRole` is account-wide: create it in exactly one stack of the
   * account (or let the COS console create it) and reference it everywhere else.
   * @default false - reference the existing role
   */
  readonly create?: boolean;
  /**
   * Owner UIN of the account the role lives in.
   * @default - read from the `tencentcloud_user_info` data source
   */
  readonly ownerUin?: string;
  /**
   * Name of the least-privilege CAM policy attached to a created role (also account-wide).
   * @default 'CosInventoryReportWriter'
   */
  readonly policyName?: string;
}

/** Where COS must be able to write reports: what a destination's bucket policy grants. */
export interface IReportLocations {
  /** Six-segment resource names, each ending in `/*`. */
  readonly reportWriteResources: string[];
}

/**
 * The CAM service role `COS_QcsRole` that COS assumes to write inventory reports.
 *
 * Created, it trusts only the service `cos.cloud.tencent.com` and carries one policy that allows `cos:PutObject`
 * on the report locations of the destinations that use it, nothing else. Referenced, it only names the principal
 * destination bucket policies grant.
 *
 * @see https://www.tencentcloud.com/document/product/436/30622 (Inventory Overview, configuring inventory via APIs)
 */
export class CosServiceRole extends Construct {
  /** The fixed name COS assumes. */
  public static readonly ROLE_NAME = 'COS_QcsRole';
  /** The service principal the role trusts. */
  public static readonly SERVICE_PRINCIPAL = 'cos.cloud.tencent.com';

  /** Owner UIN of the account the role is in. */
  public readonly ownerUin: string;
  /** `qcs::cam::uin/<owner uin>:roleName/COS_QcsRole`, the principal bucket policies grant. */
  public readonly principal: string;
  /** The `tencentcloud_cam_role`, when created here. */
  public readonly role?: TerraformResource;
  /** The `tencentcloud_cam_policy` attached to the role, when created here. */
  public readonly policy?: TerraformResource;

  private readonly reportLocations: IReportLocations[] = [];

  constructor(scope: Construct, id: string, props: CosServiceRoleProps = {}) {
    super(scope, id);
    throwIfProblems(this.node.path, checkOwnerUin('ownerUin', known(props.ownerUin)));
    this.ownerUin = props.ownerUin ?? currentAccount(this).ownerUin;
    this.principal = `qcs::cam::uin/${this.ownerUin}:roleName/${CosServiceRole.ROLE_NAME}`;
    if (!props.create) return;

    const role = new CamRole(this, 'Role', {
      name: CosServiceRole.ROLE_NAME,
      description: 'Assumed by COS to deliver bucket inventory reports (managed by cdktf-cos-inventory)',
      document: JSON.stringify({
        version: '2.0',
        statement: [{ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { service: [CosServiceRole.SERVICE_PRINCIPAL] } }],
      }),
    });
    const policy = new CamPolicy(this, 'Policy', {
      name: props.policyName ?? 'CosInventoryReportWriter',
      description: 'Lets COS write inventory reports only where the destination bucket policies let it',
      document: Lazy.stringValue({ produce: () => this.renderPolicy() }),
    });
    new CamRolePolicyAttachment(this, 'Attachment', { roleId: role.id, policyId: policy.id });
    this.role = role;
    this.policy = policy;
    this.node.addValidation({
      validate: () => (this.writeResources().length === 0
        ? [`create = true: a created ${CosServiceRole.ROLE_NAME} needs at least one InventoryDestination using it; its policy would be empty`]
        : []),
    });
  }

  /**
   * Lets the role write exactly where a destination's bucket policy lets COS write, no wider. Every
   * `InventoryDestination` using this role calls it for itself.
   */
  public allowReportWritesTo(locations: IReportLocations): void {
    if (!this.reportLocations.includes(locations)) this.reportLocations.push(locations);
  }

  private writeResources(): string[] {
    return [...new Set(this.reportLocations.flatMap((locations) => locations.reportWriteResources))];
  }

  /** One PutObject statement per group of locations, each group kept under CAM's statement size limit. */
  private renderPolicy(): string {
    const statementFor = (resources: string[]) => ({ effect: 'allow', action: ['name/cos:PutObject'], resource: resources });
    const statements = packResourceGroups(this.writeResources(), statementFor, MAX_STATEMENT_BYTES).map(statementFor);
    return literalTemplate(JSON.stringify({ version: '2.0', statement: statements }));
  }
}
