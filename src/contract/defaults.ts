// The defaults of every optional setting, in one place: the constructs resolve them through the normalizer
// (normalize.ts) and document them with `@default`; the handler's usage text names the same values.

/** What a value left unset means. */
export const DEFAULTS = {
  /** `Schedule/Frequency`. */
  frequency: 'Daily',
  /** `IncludedObjectVersions`. */
  includedObjectVersions: 'Current',
  /** `IsEnabled`. */
  enabled: true,
  /** COS: SSE-COS for report files. */
  encryptReports: true,
  /** COS: the report prefix the console uses. */
  cosReportPrefix: 'cos_bucket_inventory',
  /** OBS: the name OBS itself gives reports without a prefix. */
  obsReportPrefix: 'BucketInventory',
  /** One-off jobs: the prefix of each run's job id. */
  jobIdPrefix: 'one-off',
  /** One-off jobs: how long to wait for the report. */
  waitTimeoutSeconds: 3600,
  /** One-off jobs: first pause between looks for the report. */
  pollIntervalSeconds: 30,
  /**
   * Where in a destination bucket the handler's ledgers live, one object per stack: outside every report prefix, so
   * no report lifecycle rule expires it and no report grant covers it.
   */
  ledgerDirectory: '.cos-inventory/ledgers',
} as const;

/** The id a periodic config gets when none is given: one per frequency, so a daily and a weekly config can share a bucket. */
export function defaultInventoryId(frequency: string): string {
  return `inventory-${frequency.toLowerCase()}`;
}
