/** Whether a statement allows or denies. */
export enum PolicyEffect {
  /** Allow the actions. */
  ALLOW = 'allow',
  /** Deny the actions; a deny wins over any allow. */
  DENY = 'deny',
}

/**
 * One statement of a COS bucket policy, in the CAM policy syntax (version 2.0).
 * @see https://www.tencentcloud.com/document/product/436/12469 (Bucket policy overview)
 */
export interface BucketPolicyStatement {
  /**
   * Who the statement applies to, for example `qcs::cam::uin/100000000001:uin/100000000002`.
   */
  readonly principals: string[];
  /**
   * Actions, for example `name/cos:GetObject`.
   */
  readonly actions: string[];
  /**
   * Six-segment resource names, for example `qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/doc/*`.
   */
  readonly resources: string[];
  /**
   * Allow or deny.
   * @default PolicyEffect.ALLOW
   */
  readonly effect?: PolicyEffect;
  /**
   * Conditions as CAM writes them: operator, then key, then the values, for example
   * `{ ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } }`.
   * @default - no condition
   */
  readonly conditions?: { [operator: string]: { [key: string]: string[] } };
  /**
   * A statement id, for reading the policy.
   * @default - none
   */
  readonly sid?: string;
}

/** The statement as COS stores it: lowercase keys, `principal.qcs`, and arrays for action and resource. */
export function renderStatement(statement: BucketPolicyStatement): Record<string, unknown> {
  return {
    ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
    effect: statement.effect ?? PolicyEffect.ALLOW,
    principal: { qcs: [...statement.principals] },
    action: [...statement.actions],
    resource: [...statement.resources],
    ...(statement.conditions !== undefined ? { condition: statement.conditions } : {}),
  };
}

/** The whole policy document COS keeps for a bucket. */
export function renderPolicyDocument(statements: BucketPolicyStatement[]): string {
  return JSON.stringify({ version: '2.0', statement: statements.map(renderStatement) });
}
