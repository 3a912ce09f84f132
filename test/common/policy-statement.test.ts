// One PolicyStatement, as each service's destination renders it into its bucket policy, and the checks both apply.
import { BucketPolicyOwner, cos, obs, PolicyEffect, PolicyStatement } from '../../src';
import { COS_DESTINATION, cosPolicyDocument, OBS_DESTINATION, obsPolicyDocument } from '../support/build';
import { synth, synthJson } from '../support/synth';

const COS_STATEMENT: PolicyStatement = {
  principals: ['qcs::cam::uin/100000000001:uin/100000000002'],
  actions: ['name/cos:GetObject'],
  resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'],
};
const OBS_STATEMENT: PolicyStatement = { principals: ['domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f'], actions: ['GetObject'], resources: ['destbucket/shared/*'] };

function cosStatement(statement: PolicyStatement): any {
  return cosPolicyDocument(synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy(statement))).Statement[0];
}

function obsStatement(statement: PolicyStatement): any {
  return obsPolicyDocument(synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy(statement))).Statement[0];
}

describe('PolicyEffect', () => {
  test('is allow or deny, as CAM policy syntax spells them', () => {
    expect([PolicyEffect.ALLOW, PolicyEffect.DENY]).toEqual(['allow', 'deny']);
  });
});

describe('BucketPolicyOwner', () => {
  test('is this stack or elsewhere', () => {
    expect([BucketPolicyOwner.THIS_STACK, BucketPolicyOwner.ELSEWHERE]).toEqual(['this-stack', 'elsewhere']);
  });
});

describe('PolicyStatement on COS', () => {
  test('renders in the shape GET Bucket policy answers with', () => {
    expect(cosStatement(COS_STATEMENT)).toEqual({
      Principal: { qcs: COS_STATEMENT.principals }, Effect: 'allow', Action: COS_STATEMENT.actions, Resource: COS_STATEMENT.resources,
    });
  });

  test('a deny statement has Effect deny', () => {
    expect(cosStatement({ ...COS_STATEMENT, effect: PolicyEffect.DENY }).Effect).toBe('deny');
  });

  test('conditions become Condition', () => {
    expect(cosStatement({ ...COS_STATEMENT, conditions: { ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } } }).Condition).toEqual({ ip_equal: { 'qcs:ip': ['10.0.0.0/8'] } });
  });

  test('without conditions there is no Condition', () => {
    expect(cosStatement(COS_STATEMENT)).not.toHaveProperty('Condition');
  });
});

describe('PolicyStatement on OBS', () => {
  test('renders in the OBS policy format, principals as IDs', () => {
    expect(obsStatement(OBS_STATEMENT)).toEqual({
      Effect: 'Allow', Principal: { ID: OBS_STATEMENT.principals }, Action: OBS_STATEMENT.actions, Resource: OBS_STATEMENT.resources,
    });
  });

  test('a deny statement has Effect Deny', () => {
    expect(obsStatement({ ...OBS_STATEMENT, effect: PolicyEffect.DENY }).Effect).toBe('Deny');
  });

  test('conditions become Condition', () => {
    expect(obsStatement({ ...OBS_STATEMENT, conditions: { StringLike: { prefix: ['shared/*'] } } }).Condition).toEqual({ StringLike: { prefix: ['shared/*'] } });
  });

  test('without conditions there is no Condition', () => {
    expect(obsStatement(OBS_STATEMENT)).not.toHaveProperty('Condition');
  });
});

describe('PolicyStatement checks, on both services', () => {
  test.each([
    ['COS', (statement: any) => () => synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy(statement)), COS_STATEMENT],
    ['OBS', (statement: any) => () => synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy(statement)), OBS_STATEMENT],
  ])('%s: a statement is checked when it is added, each statement numbered', (_, add, statement) => {
    expect(add({ ...statement, principals: [] })).toThrow('[test/Dest] addToResourcePolicy(statement 0).principals = []: must not be empty');
    expect(add({ ...statement, effect: 'Allow' })).toThrow('[test/Dest] addToResourcePolicy(statement 0).effect = "Allow": must be allow or deny');
  });

  test('the second statement is numbered 1', () => {
    expect(() => synth((scope) => {
      const destination = new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION);
      destination.addToResourcePolicy(OBS_STATEMENT);
      destination.addToResourcePolicy({ ...OBS_STATEMENT, resources: [''] });
    })).toThrow('[test/Dest] addToResourcePolicy(statement 1).resources[0] = "": must be a non-empty string');
  });
});
