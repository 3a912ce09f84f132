import { Problem } from './problem';

/** CAM refuses a policy statement longer than 4095 bytes. */
export const MAX_STATEMENT_BYTES = 4095;

/** Checks one rendered statement; one with unresolved tokens (`undefined`) is measured once Terraform knows it. */
export function checkStatementSize(field: string, statementJson: string | undefined): Problem[] {
  if (statementJson === undefined) return [];
  const bytes = Buffer.byteLength(statementJson);
  if (bytes <= MAX_STATEMENT_BYTES) return [];
  return [{ field, value: `${statementJson.slice(0, 80)}...`, rule: `is ${bytes} bytes; a policy statement may have at most ${MAX_STATEMENT_BYTES}` }];
}
