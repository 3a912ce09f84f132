import { checkStatementShape } from '../contract/rules/bucket-policy';
import { checkPolicyWildcards, checkReaderPrincipal } from '../contract/rules/policy-wildcards';
import { checkPrincipalForm } from '../contract/rules/principal';
import { throwIfProblems } from '../contract/rules/problem';
import type { InventoryService } from '../contract/spec';
import { PolicyEffect, PolicyStatement } from './policy-statement';
import { known } from './validation/known';

/**
 * What users add to a destination's bucket policy besides the report writes: their own statements and the
 * principals allowed to read the reports. Each is checked when added, so the error points at the call.
 */
export class PolicyAdditions {
  public readonly statements: PolicyStatement[] = [];
  public readonly readers: string[] = [];

  /** `service`: whose policy it is, which decides how a principal is written. */
  constructor(private readonly constructPath: string, private readonly service: InventoryService) {}

  public addStatement(statement: PolicyStatement): void {
    const field = `addToResourcePolicy(statement ${this.statements.length})`;
    throwIfProblems(this.constructPath, checkStatementShape(field, { ...statement }));
    // A deny over anyone or everything only takes rights away: only what a statement allows needs the acknowledgement.
    const allows = statement.effect === undefined || statement.effect === PolicyEffect.ALLOW;
    if (allows && statement.acknowledgeWildcards !== true) throwIfProblems(this.constructPath, checkPolicyWildcards(field, statement));
    throwIfProblems(this.constructPath, statement.principals.flatMap((principal, index) => checkPrincipalForm(`${field}.principals[${index}]`, this.service, known(principal))));
    this.statements.push(statement);
  }

  public addReader(principal: string): void {
    if (known(principal) !== undefined && (typeof principal !== 'string' || principal.trim() === '')) {
      throwIfProblems(this.constructPath, [{ field: 'grantRead(principal)', value: principal, rule: 'must be a principal name' }]);
    }
    throwIfProblems(this.constructPath, checkReaderPrincipal('grantRead(principal)', known(principal)));
    throwIfProblems(this.constructPath, checkPrincipalForm('grantRead(principal)', this.service, known(principal)));
    if (!this.readers.includes(principal)) this.readers.push(principal);
  }
}
