import { Fn } from 'cdktf';
import { cos, obs, PolicyStatement } from '../../../src';
import { checkPrincipalForm } from '../../../src/contract/rules/principal';
import { COS_DESTINATION, OBS_DESTINATION } from '../../support/build';
import { synth } from '../../support/synth';

const COS_STATEMENT: PolicyStatement = { principals: [], actions: ['name/cos:GetObject'], resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'] };
const OBS_STATEMENT: PolicyStatement = { principals: [], actions: ['GetObject'], resources: ['destbucket/shared/*'] };
const COS_RULE = 'must be a CAM principal, qcs::cam::uin/<owner uin>:uin/<uin> (a user), ...:roleName/<role> or qcs::cam::uin/<owner uin>:uin/<owner uin> (the account)';
const OBS_RULE = 'must be an OBS principal ID, domain/<account id> (the account) or domain/<account id>:user/<user id or name>';

const cosDestination = (use: (destination: cos.InventoryDestination) => void) => () => synth((scope) => use(new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION)));
const obsDestination = (use: (destination: obs.InventoryDestination) => void) => () => synth((scope) => use(new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION)));

describe('rule: a principal is written as the service whose policy it is in names it', () => {
  test.each([
    'qcs::cam::uin/100000000001:uin/100000000002',
    'qcs::cam::uin/100000000001:roleName/auditor',
    'qcs::cam::uin/100000000001:uin/100000000001',
  ])('COS %s is a principal', (principal) => {
    expect(checkPrincipalForm('p', 'cos', principal)).toEqual([]);
    expect(cosDestination((destination) => destination.grantRead(principal))).not.toThrow();
  });

  test.each([
    'domain/0a1b2c3d4e5f',
    'domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f',
    'domain/0a1b2c3d4e5f:user/auditor',
  ])('OBS %s is a principal', (principal) => {
    expect(checkPrincipalForm('p', 'obs', principal)).toEqual([]);
    expect(obsDestination((destination) => destination.grantRead(principal))).not.toThrow();
  });

  test.each([
    ['a bare UIN', '100000000002'],
    ['an OBS id', 'domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f'],
    ['a CAM name with a space', 'qcs::cam::uin/100000000001:uin/ 100000000002'],
  ])('COS: %s is refused by grantRead and addToResourcePolicy, naming the form', (_, principal) => {
    expect(cosDestination((destination) => destination.grantRead(principal))).toThrow(
      `[test/Dest] grantRead(principal) = ${JSON.stringify(principal)}: ${COS_RULE}`,
    );
    expect(cosDestination((destination) => destination.addToResourcePolicy({ ...COS_STATEMENT, principals: ['qcs::cam::uin/100000000001:uin/100000000002', principal] }))).toThrow(
      `[test/Dest] addToResourcePolicy(statement 0).principals[1] = ${JSON.stringify(principal)}: ${COS_RULE}`,
    );
  });

  test.each([
    ['a CAM name', 'qcs::cam::uin/100000000001:uin/100000000002'],
    ['a bare account id', '0a1b2c3d4e5f'],
    ['a user without its account', 'user/6a7b8c9d0e1f'],
  ])('OBS: %s is refused by grantRead and addToResourcePolicy, naming the form', (_, principal) => {
    expect(obsDestination((destination) => destination.grantRead(principal))).toThrow(
      `[test/Dest] grantRead(principal) = ${JSON.stringify(principal)}: ${OBS_RULE}`,
    );
    expect(obsDestination((destination) => destination.addToResourcePolicy({ ...OBS_STATEMENT, principals: [principal] }))).toThrow(
      `[test/Dest] addToResourcePolicy(statement 0).principals[0] = ${JSON.stringify(principal)}: ${OBS_RULE}`,
    );
  });

  test('an acknowledged * passes on both services: the wildcard rule decides', () => {
    expect(cosDestination((destination) => destination.addToResourcePolicy({ ...COS_STATEMENT, principals: ['*'], acknowledgeWildcards: true }))).not.toThrow();
    expect(obsDestination((destination) => destination.addToResourcePolicy({ ...OBS_STATEMENT, principals: ['*'], acknowledgeWildcards: true }))).not.toThrow();
  });

  test('a principal known only at apply time (a token) is not checked', () => {
    expect(cosDestination((destination) => destination.grantRead(Fn.lower('QCS::CAM::UIN/1:UIN/2')))).not.toThrow();
    expect(obsDestination((destination) => destination.addToResourcePolicy({ ...OBS_STATEMENT, principals: [Fn.lower('DOMAIN/0A')] }))).not.toThrow();
  });
});
