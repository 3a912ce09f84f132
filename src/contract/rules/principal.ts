import { Problem } from './problem';
import type { InventoryService } from '../spec';

/**
 * How each service's bucket policy names a principal: COS puts every principal under `qcs` as a CAM resource name,
 * OBS under `ID` as an account (`domain/<account id>`) or one of its users. A principal in the other form (a bare UIN,
 * an OBS id in a COS policy) makes the service refuse the whole policy at apply time, after every other resource of
 * the plan was changed; `*` is checked by the wildcard rule.
 */
const PRINCIPAL_FORMS: Record<InventoryService, { readonly pattern: RegExp; readonly form: string }> = {
  cos: {
    pattern: /^(\*|qcs::cam::\S+)$/,
    form: 'a CAM principal, qcs::cam::uin/<owner uin>:uin/<uin> (a user), ...:roleName/<role> or qcs::cam::uin/<owner uin>:uin/<owner uin> (the account)',
  },
  obs: {
    pattern: /^(\*|domain\/\S+)$/,
    form: 'an OBS principal ID, domain/<account id> (the account) or domain/<account id>:user/<user id or name>',
  },
};

/** A principal of a statement or reader of a `service` bucket policy, not in that service's form. Tokens are skipped. */
export function checkPrincipalForm(field: string, service: InventoryService, principal: unknown): Problem[] {
  if (typeof principal !== 'string' || PRINCIPAL_FORMS[service].pattern.test(principal)) return [];
  return [{ field, value: principal, rule: `must be ${PRINCIPAL_FORMS[service].form}` }];
}
