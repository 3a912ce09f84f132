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
}

/**
 * The statement in the shape GET Bucket policy answers with: `Principal`, `Effect`, `Action`, `Resource` and
 * `Condition` capitalized, arrays for principal, action and resource. The provider compares the document it reads
 * back with the configured one by deep equality (after dropping the `Sid` COS adds), so writing any other shape
 * would show the policy as changed on every plan.
 * @see https://www.tencentcloud.com/document/product/436/8276 (GET Bucket policy)
 */
export function renderStatement(statement: BucketPolicyStatement): Record<string, unknown> {
  return {
    Principal: { qcs: [...statement.principals] },
    Effect: statement.effect ?? PolicyEffect.ALLOW,
    Action: [...statement.actions],
    Resource: [...statement.resources],
    ...(statement.conditions !== undefined ? { Condition: statement.conditions } : {}),
  };
}

/** The whole policy document, as GET Bucket policy answers it: `Statement` capitalized, `version` lowercase. */
export function renderPolicyDocument(statements: BucketPolicyStatement[]): string {
  return JSON.stringify({ Statement: statements.map(renderStatement), version: '2.0' });
}
