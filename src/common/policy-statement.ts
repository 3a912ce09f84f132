/** Whether a statement allows or denies. */
export enum PolicyEffect {
  /** Allow the actions. */
  ALLOW = 'allow',
  /** Deny the actions; a deny wins over any allow. */
  DENY = 'deny',
}

/** Who owns a destination bucket's one bucket policy. Both services keep a single policy document per bucket. */
export enum BucketPolicyOwner {
  /**
   * This stack: the destination synthesizes the bucket policy resource, which replaces whatever policy the bucket
   * had. It is created only once the policy has a statement.
   */
  THIS_STACK = 'this-stack',
  /**
   * Someone else (another stack, a console, a policy pipeline): nothing is synthesized; merge the destination's
   * `policyJson` into that policy.
   */
  ELSEWHERE = 'elsewhere',
}

/**
 * One statement of a bucket policy, rendered in the service's own syntax (COS: CAM policy syntax 2.0; OBS: OBS
 * policy format).
 * @see https://www.tencentcloud.com/document/product/436/12469 (COS bucket policy overview)
 * @see https://support.huaweicloud.com/intl/en-us/perms-cfg-obs/obs_40_0041.html (OBS bucket policy format)
 */
export interface PolicyStatement {
  /**
   * Who the statement applies to: COS `qcs::cam::uin/100000000001:uin/100000000002`, OBS
   * `domain/<account id>:user/<user id>`.
   */
  readonly principals: string[];
  /**
   * Actions: COS `name/cos:GetObject`, OBS `GetObject`.
   */
  readonly actions: string[];
  /**
   * Resources: COS six-segment names (`qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/doc/*`), OBS
   * `<bucket>/<key pattern>`.
   */
  readonly resources: string[];
  /**
   * Allow or deny.
   * @default PolicyEffect.ALLOW
   */
  readonly effect?: PolicyEffect;
  /**
   * Conditions: operator, then key, then the values, for example `{ ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } }` (COS)
   * or `{ StringLike: { prefix: ['reports/*'] } }` (OBS).
   * @default - no condition
   */
  readonly conditions?: { [operator: string]: { [key: string]: string[] } };
  /**
   * The statement allows anyone (`*`, `qcs::cam::anyone:anyone`), every action (`*`, `name/cos:*`, `obs:*`, or any
   * action with `*`) or a whole bucket (`*`, `<bucket>/*`) on purpose. Without it, `addToResourcePolicy` refuses
   * such an allow statement: one written by mistake makes the report bucket public or writable. Deny statements
   * need no acknowledgement. Not part of the policy.
   * @default false
   */
  readonly acknowledgeWildcards?: boolean;
}
