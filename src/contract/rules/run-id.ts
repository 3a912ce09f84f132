import { Problem } from './problem';

/** Hex digits of a run id that make the job id's run suffix. */
export const RUN_ID_HEX_DIGITS = 12;

/** The hex digits of a run id, lowercased, in order: what the job id's suffix is cut from. */
export function runIdHex(runId: string): string {
  return runId.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/** A run id (the `terraform_data` id, a UUID) must hold enough hex digits to tell one run's job id from another's. */
export function checkRunId(field: string, runId: string | undefined): Problem[] {
  if (runId === undefined || runIdHex(runId).length >= RUN_ID_HEX_DIGITS) return [];
  return [{ field, value: runId, rule: `must hold at least ${RUN_ID_HEX_DIGITS} hex digits (a UUID such as the terraform_data id)` }];
}
