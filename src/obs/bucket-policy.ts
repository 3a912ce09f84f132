import { PolicyEffect, PolicyStatement } from '../common/policy-statement';

/** The statement letting OBS itself (the `obs` service principal) write reports under some prefixes. */
export function reportWriteStatement(sid: string, resources: string[]): Record<string, unknown> {
  return { Sid: sid, Effect: 'Allow', Principal: { Service: ['obs'] }, Action: ['PutObject'], Resource: resources };
}

/**
 * A statement in the OBS policy format: `Effect` `Allow` or `Deny`, principals as `ID`s.
 * @see https://support.huaweicloud.com/intl/en-us/perms-cfg-obs/obs_40_0041.html (Bucket policy parameters)
 */
export function renderObsStatement(statement: PolicyStatement): Record<string, unknown> {
  return {
    Effect: statement.effect === PolicyEffect.DENY ? 'Deny' : 'Allow',
    Principal: { ID: [...statement.principals] },
    Action: [...statement.actions],
    Resource: [...statement.resources],
    ...(statement.conditions !== undefined ? { Condition: statement.conditions } : {}),
  };
}
