import { PolicyEffect, PolicyStatement } from '../common/policy-statement';

/**
 * A statement in the shape GET Bucket policy answers with: `Principal`, `Effect`, `Action`, `Resource` and
 * `Condition` capitalized, arrays for principal, action and resource. The provider compares the document it reads
 * back with the configured one by deep equality (after dropping the `Sid` COS adds), so writing any other shape
 * would show the policy as changed on every plan.
 * @see https://www.tencentcloud.com/document/product/436/8276 (GET Bucket policy)
 */
export function renderCosStatement(statement: PolicyStatement): Record<string, unknown> {
  return {
    Principal: { qcs: [...statement.principals] },
    Effect: statement.effect ?? PolicyEffect.ALLOW,
    Action: [...statement.actions],
    Resource: [...statement.resources],
    ...(statement.conditions !== undefined ? { Condition: statement.conditions } : {}),
  };
}

/** The whole policy document, as GET Bucket policy answers it: `Statement` capitalized, `version` lowercase. */
export function renderCosPolicy(statements: PolicyStatement[]): string {
  return JSON.stringify({ Statement: statements.map(renderCosStatement), version: '2.0' });
}
