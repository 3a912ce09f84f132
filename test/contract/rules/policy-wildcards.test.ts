import { cos, obs, PolicyEffect, PolicyStatement } from '../../../src';
import { COS_DESTINATION, cosPolicyDocument, OBS_DESTINATION, obsPolicyDocument } from '../../support/build';
import { synth, synthJson } from '../../support/synth';

const COS_READER = 'qcs::cam::uin/100000000001:uin/100000000002';
const COS_PREFIX = 'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*';
const COS_STATEMENT: PolicyStatement = { principals: [COS_READER], actions: ['name/cos:GetObject'], resources: [COS_PREFIX] };
const OBS_STATEMENT: PolicyStatement = { principals: ['domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f'], actions: ['GetObject'], resources: ['destbucket/shared/*'] };

const addCos = (statement: PolicyStatement) => () => synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy(statement));
const addObs = (statement: PolicyStatement) => () => synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy(statement));

describe('rule: an allow statement with a wildcard must be acknowledged', () => {
  test.each([
    ['principals', '*', 'anyone'],
    ['principals', 'qcs::cam::anyone:anyone', 'anyone'],
    ['principals', 'qcs::cam::anyone', 'anyone'],
    ['principals', 'qcs::cam::uin/100000000001:uin/*', 'anyone'],
    ['actions', '*', 'every action it matches'],
    ['actions', 'name/cos:*', 'every action it matches'],
    ['actions', 'cos:*', 'every action it matches'],
    ['actions', 'name/cos:Get*', 'every action it matches'],
    ['resources', '*', 'every object of the bucket or more'],
    ['resources', 'qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/*', 'every object of the bucket or more'],
    ['resources', 'qcs::cos:*:uid/1250000000:reports-1250000000/shared/*', 'every object of the bucket or more'],
    ['resources', 'qcs::cos:ap-guangzhou:uid/1250000000:*', 'every object of the bucket or more'],
  ] as const)('COS %s %s is refused', (part, value, meaning) => {
    expect(addCos({ ...COS_STATEMENT, [part]: [value] })).toThrow(
      `[test/Dest] addToResourcePolicy(statement 0).${part}[0] = ${JSON.stringify(value)}: is a wildcard (${meaning}); `
      + 'name what the statement is for, or set acknowledgeWildcards: true on it if this is meant',
    );
  });

  test.each([
    ['principals', '*'],
    ['principals', 'domain/*:user/*'],
    ['actions', '*'],
    ['actions', 'obs:*'],
    ['resources', '*'],
    ['resources', 'destbucket/*'],
  ] as const)('OBS %s %s is refused', (part, value) => {
    expect(addObs({ ...OBS_STATEMENT, [part]: [value] })).toThrow(`[test/Dest] addToResourcePolicy(statement 0).${part}[0] = ${JSON.stringify(value)}: is a wildcard`);
  });

  test('every wildcard of a statement is named at once', () => {
    expect(addCos({ principals: ['*'], actions: ['name/cos:*'], resources: ['*'] })).toThrow(
      /principals\[0\] = "\*": is a wildcard[^\n]*\n[^\n]*actions\[0\] = "name\/cos:\*": is a wildcard[^\n]*\n[^\n]*resources\[0\] = "\*": is a wildcard/,
    );
  });

  test('named principals, actions and a prefix pass', () => {
    expect(addCos(COS_STATEMENT)).not.toThrow();
    expect(addObs(OBS_STATEMENT)).not.toThrow();
  });

  test('acknowledgeWildcards: true lets the statement through, and is not written into the policy', () => {
    const json = synthJson((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).addToResourcePolicy({
      principals: ['qcs::cam::anyone:anyone'], actions: ['name/cos:GetObject'], resources: [COS_PREFIX], acknowledgeWildcards: true,
    }));
    expect(cosPolicyDocument(json).Statement).toEqual([
      { Principal: { qcs: ['qcs::cam::anyone:anyone'] }, Effect: 'allow', Action: ['name/cos:GetObject'], Resource: [COS_PREFIX] },
    ]);
    const obsJson = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).addToResourcePolicy({ ...OBS_STATEMENT, principals: ['*'], acknowledgeWildcards: true }));
    expect(obsPolicyDocument(obsJson).Statement[0].Principal).toEqual({ ID: ['*'] });
  });

  test('a deny statement over anyone and the whole bucket needs no acknowledgement: it only takes rights away', () => {
    expect(addCos({ principals: ['qcs::cam::anyone:anyone'], actions: ['name/cos:*'], resources: ['*'], effect: PolicyEffect.DENY })).not.toThrow();
  });
});

describe('rule: grantRead names a reader, not anyone', () => {
  const readCos = (principal: string) => () => synth((scope) => new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION).grantRead(principal));
  const readObs = (principal: string) => () => synth((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION).grantRead(principal));
  const refusal = (principal: string) => `[test/Dest] grantRead(principal) = ${JSON.stringify(principal)}: is a wildcard (anyone), which would make every report public; `
    + 'name the reader, or add the public read yourself with addToResourcePolicy and acknowledgeWildcards: true';

  test.each(['*', 'qcs::cam::anyone:anyone', 'qcs::cam::anyone', 'qcs::cam::uin/100000000001:uin/*'])('COS %s is refused', (principal) => {
    expect(readCos(principal)).toThrow(refusal(principal));
  });

  test.each(['*', 'domain/*:user/*', 'domain/0a1b2c3d4e5f:user/*'])('OBS %s is refused', (principal) => {
    expect(readObs(principal)).toThrow(refusal(principal));
  });

  test('named readers pass on both services', () => {
    expect(readCos(COS_READER)).not.toThrow();
    expect(readObs('domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f')).not.toThrow();
  });

  test('a public read stays possible as an acknowledged statement of your own', () => {
    const json = synthJson((scope) => new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION)
      .addToResourcePolicy({ principals: ['*'], actions: ['GetObject'], resources: ['destbucket/shared/*'], acknowledgeWildcards: true }));
    expect(obsPolicyDocument(json).Statement[0].Principal).toEqual({ ID: ['*'] });
  });
});
