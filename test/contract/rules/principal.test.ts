import { Fn } from 'cdktf';
import { cos, obs, PolicyStatement } from '../../../src';
import { checkPrincipalForm } from '../../../src/contract/rules/principal';
import { COS_DESTINATION, OBS_DESTINATION } from '../../support/build';
import { synth } from '../../support/synth';

const COS_STATEMENT: PolicyStatement = { principals: [], actions: ['name/cos:GetObject'], resources: ['qcs::cos:ap-guangzhou:uid/1250000000:reports-1250000000/shared/*'] };
const OBS_STATEMENT: PolicyStatement = { principals: [], actions: ['GetObject'], resources: ['destbucket/shared/*'] };
const COS_RULE = 'must be a CAM principal, qcs::cam::uin/<owner uin>:uin/<uin> (a user), ...:roleName/<role> or qcs::cam::uin/<owner uin>:uin/<owner uin> (the account)';
const OBS_RULE = 'must be an OBS principal ID, domain/<account id> (the account) or domain/<account id>:user/<user id or name>';

type Service = 'cos' | 'obs';
const STATEMENT = { cos: COS_STATEMENT, obs: OBS_STATEMENT };
const RULE = { cos: COS_RULE, obs: OBS_RULE };

/** Synthesizes a stack with one destination of `service`, used by `use`. */
const withDestination = (service: Service, use: (destination: cos.InventoryDestination | obs.InventoryDestination) => void) => () =>
  synth((scope) => use(service === 'cos' ? new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION) : new obs.InventoryDestination(scope, 'Dest', OBS_DESTINATION)));

describe('rule: a principal is written as the service whose policy it is in names it', () => {
  test.each([
    ['cos', 'qcs::cam::uin/100000000001:uin/100000000002'],
    ['cos', 'qcs::cam::uin/100000000001:roleName/auditor'],
    ['cos', 'qcs::cam::uin/100000000001:uin/100000000001'],
    ['obs', 'domain/0a1b2c3d4e5f'],
    ['obs', 'domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f'],
    ['obs', 'domain/0a1b2c3d4e5f:user/auditor'],
  ] as const)('%s: %s is a principal', (service, principal) => {
    expect(checkPrincipalForm('p', service, principal)).toEqual([]);
    expect(withDestination(service, (destination) => destination.grantRead(principal))).not.toThrow();
  });

  test.each([
    ['cos', 'a bare UIN', '100000000002'],
    ['cos', 'an OBS id', 'domain/0a1b2c3d4e5f:user/6a7b8c9d0e1f'],
    ['cos', 'a CAM name with a space', 'qcs::cam::uin/100000000001:uin/ 100000000002'],
    ['obs', 'a CAM name', 'qcs::cam::uin/100000000001:uin/100000000002'],
    ['obs', 'a bare account id', '0a1b2c3d4e5f'],
    ['obs', 'a user without its account', 'user/6a7b8c9d0e1f'],
  ] as const)('%s: %s is refused by grantRead and addToResourcePolicy, naming the form', (service, _, principal) => {
    expect(withDestination(service, (destination) => destination.grantRead(principal))).toThrow(
      `[test/Dest] grantRead(principal) = ${JSON.stringify(principal)}: ${RULE[service]}`,
    );
    const statement = { ...STATEMENT[service], principals: ['*', principal], acknowledgeWildcards: true };
    expect(withDestination(service, (destination) => destination.addToResourcePolicy(statement))).toThrow(
      `[test/Dest] addToResourcePolicy(statement 0).principals[1] = ${JSON.stringify(principal)}: ${RULE[service]}`,
    );
  });

  test.each(['cos', 'obs'] as const)('%s: an acknowledged * passes (the wildcard rule decides), and a token is not checked', (service) => {
    const statement = { ...STATEMENT[service], principals: ['*'], acknowledgeWildcards: true };
    expect(withDestination(service, (destination) => destination.addToResourcePolicy(statement))).not.toThrow();
    expect(withDestination(service, (destination) => destination.grantRead(Fn.lower('NOT/A:PRINCIPAL')))).not.toThrow();
  });
});
