import * as v from 'valibot';
import { assertSameCore, Construct, Fn, TerraformResource } from '../core';
import { schemaProblems } from '../contract/document';
import { JOB_ID_VARIABLE, JOB_VARIABLE, RUN_ID_VARIABLE } from '../contract/environment';
import { MAX_JOB_ID_PREFIX_LENGTH } from '../contract/job';
import { normalizeJob } from '../contract/normalize';
import { checkBoolean } from '../contract/rules/choices';
import { checkInventoryId } from '../contract/rules/inventory-id';
import { Problem, throwIfProblems } from '../contract/rules/problem';
import { checkSummaryDepth, checkWait } from '../contract/rules/wait';
import { InventoryJobSpec, JOB_SCHEMA } from '../contract/spec';
import { handlerProvisioner } from '../common/handler-provisioner';
import { InventoryReportOptions } from '../common/inventory-options';
import { TerraformData } from '../common/terraform-data';
import { literalTemplates } from '../common/terraform-literal';
import { known } from '../common/validation/known';
import { cosEndpointSettings, cosHandlerProblems, HANDLER_OPTIONS_SCHEMA, HandlerOptions } from './handler-options';
import { IInventoryDestination } from './inventory-destination';
import { FIELD_OPTIONS, InventoryFieldOptions } from './inventory-field';
import { cosReportProblems } from './source';
import { checkPropsShape, count, entriesOf, flag, propsSchema, reference, REPORT_OPTIONS, text } from '../common/validation/props';

/** Props of {@link InventoryJob}. */
export interface InventoryJobProps extends InventoryReportOptions, InventoryFieldOptions {
  /** Where reports go; the matching bucket policy statement is added to it. */
  readonly destination: IInventoryDestination;
  /**
   * Full name of the source bucket, with its `-APPID` suffix. A bucket created in the same stack may be passed
   * as a reference (`myBucket.bucket`); give `appId` then.
   */
  readonly bucketName: string;
  /**
   * APPID of the source bucket's account.
   * @default - the `-APPID` suffix of `bucketName`
   */
  readonly appId?: string;
  /**
   * Region of the source bucket; COS requires the destination in the same region.
   * @default - the destination's region
   */
  readonly region?: string;
  /**
   * Encrypt the report files with SSE-COS.
   * @default true
   */
  readonly encryptReports?: boolean;
  /**
   * How the bundled handler runs the job.
   * @default - `node` from the PATH, the public COS endpoint
   */
  readonly handler?: HandlerOptions;
  /**
   * Prefix of the job ids (at most 51 characters of `a-z A-Z 0-9 - _ .`). Each run's id is the prefix, a hyphen and
   * 12 hex digits of the run, so no two runs share an id and none equals a periodic config's id.
   * @default 'one-off'
   */
  readonly jobIdPrefix?: string;
  /**
   * Run the job on every `terraform apply`, not only when it is created or its configuration changes.
   * @default false
   */
  readonly runOnEveryDeploy?: boolean;
  /**
   * Any text; changing it submits the job again (a new run under a new id) although nothing that defines the job
   * changed. Only the bucket, region, filter, optional fields, object versions, destination (bucket, prefix,
   * encryption) and `jobIdPrefix` re-run a job by themselves; the wait settings never do.
   * @default - none: the job runs again only when what defines it changes
   */
  readonly rerunKey?: string;
  /**
   * Wait for the report, then check `manifest.checksum` and every data file; the apply fails when the report does
   * not arrive in time or does not check out.
   * @default false - submit and return; the log names where the report will land
   */
  readonly waitForReport?: boolean;
  /**
   * How long to wait for the report, in seconds.
   * @default 3600
   */
  readonly waitTimeoutSeconds?: number;
  /**
   * First pause between looks for the report, in seconds; it doubles up to a minute.
   * @default 30
   */
  readonly pollIntervalSeconds?: number;
  /**
   * Print a summary of the verified report in the apply log: objects and bytes by storage class, by key prefix to
   * this many levels, by age, encryption, replication and multipart status (the data files are downloaded and their
   * MD5s checked for it). Only with `waitForReport`.
   * @default - no summary
   */
  readonly reportSummaryDepth?: number;
}

const PROPS_SCHEMA = propsSchema(entriesOf<InventoryJobProps>({
  ...REPORT_OPTIONS,
  ...FIELD_OPTIONS,
  destination: reference,
  bucketName: text,
  appId: v.optional(text),
  region: v.optional(text),
  encryptReports: v.optional(flag),
  handler: v.optional(HANDLER_OPTIONS_SCHEMA),
  jobIdPrefix: v.optional(text),
  rerunKey: v.optional(text),
  runOnEveryDeploy: v.optional(flag),
  waitForReport: v.optional(flag),
  waitTimeoutSeconds: v.optional(count),
  pollIntervalSeconds: v.optional(count),
  reportSummaryDepth: v.optional(count),
}));

/**
 * A one-off inventory job (POST Bucket inventory) submitted when the stack is applied.
 *
 * It synthesizes a built-in `terraform_data` resource whose `local-exec` provisioner runs the bundled handler with
 * Node.js; the handler travels with the stack as a `TerraformAsset`. Lifecycle:
 * - **create**: the job runs once;
 * - **change** of what defines the job (bucket, region, filter, fields, versions, destination, `jobIdPrefix`) or of
 *   `rerunKey`: the resource is replaced and the job runs again, under a new id;
 * - `runOnEveryDeploy`: it is replaced, and runs, on every apply;
 * - **plan** and **destroy** run nothing.
 *
 * With `waitForReport`, a second `terraform_data` waits for the report of each run and verifies it: a report that
 * is late or does not check out fails (and taints) only the wait, so the next apply waits again for the same job and
 * never submits another; changing the wait settings submits nothing.
 *
 * Credentials are read at apply time from `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and
 * `TENCENTCLOUD_SECURITY_TOKEN`, the provider's own variables; they never enter the synthesized JSON or the state.
 *
 * @example
 * const destination = cos.InventoryDestination.fromBucketName(this, 'Destination', 'inventory-reports-1250000000', 'ap-guangzhou');
 * new cos.InventoryJob(this, 'Audit', {
 *   destination,
 *   bucketName: 'user-media-1250000000',
 *   jobIdPrefix: 'audit',
 *   filter: { objectTags: { classification: 'confidential' } },
 *   optionalFields: [cos.InventoryField.SIZE, cos.InventoryField.ETAG],
 *   waitForReport: true,
 *   reportSummaryDepth: 2,
 * });
 */
export class InventoryJob extends Construct {
  /** Full name of the source bucket. */
  public readonly bucketName: string;
  /** The job id of the current run (known after apply): `<prefix>-<12 hex digits>`, the id POST Bucket inventory gets. */
  public readonly inventoryId: string;
  /** Where in the destination bucket the current run's reports land: `<prefix>/<appid>/<name>/<job id>`; dates follow. */
  public readonly reportPath: string;
  /** The `terraform_data` resource that runs the job. */
  public readonly resource: TerraformResource;
  /**
   * The `terraform_data` resource that waits for each run's report and verifies it, with `waitForReport`.
   * @default - none without `waitForReport`
   */
  public readonly waitResource?: TerraformResource;

  constructor(scope: Construct, id: string, props: InventoryJobProps) {
    super(scope, id);
    assertSameCore(this);
    checkPropsShape(this.node.path, 'cos.InventoryJob', 'job', PROPS_SCHEMA, props);
    const destination = props.destination;
    const reportPrefix = props.reportPrefix ?? destination.reportPrefix;
    const spec = normalizeJob({
      bucket: props.bucketName,
      region: props.region ?? destination.region,
      idPrefix: props.jobIdPrefix,
      destination: { bucket: destination.bucketName, accountId: destination.ownerUin, prefix: reportPrefix, encryption: props.encryptReports },
      filter: props.filter,
      includedObjectVersions: props.includedObjectVersions,
      optionalFields: props.optionalFields,
      wait: props.waitForReport
        ? { timeoutSeconds: props.waitTimeoutSeconds, pollIntervalSeconds: props.pollIntervalSeconds, summaryDepth: props.reportSummaryDepth }
        : undefined,
    });
    throwIfProblems(this.node.path, [
      ...cosReportProblems(props, props, reportPrefix, destination.region),
      ...checkInventoryId('jobIdPrefix', known(spec.idPrefix), MAX_JOB_ID_PREFIX_LENGTH),
      ...checkWaitProps(props),
      ...checkBoolean('encryptReports', known(props.encryptReports)),
      ...cosHandlerProblems(props.handler),
    ]);
    throwIfProblems(this.node.path, schemaProblems(JOB_SCHEMA, spec));

    const sourcePath = destination.allowInventoryReportsFrom({ bucketName: props.bucketName, appId: props.appId, reportPrefix });
    const { wait, ...submission } = spec;
    const runTriggers = { job: jobDefinition(submission), ...(props.rerunKey !== undefined ? { rerunKey: props.rerunKey } : {}) };
    const handler = { nodeExecutable: props.handler?.nodeExecutable, settings: cosEndpointSettings(props.handler?.endpoint) };
    // The job travels as data: Terraform encodes it for the handler, so no value is ever read as JSON or HCL.
    const resource = new TerraformData(this, 'Job', {
      // Kept in state and shown in plans; it holds no credentials. A change here alone (the document's version)
      // updates it in place and runs nothing.
      input: { job: literalTemplates(submission) },
      // Replacement is what re-runs a create-time provisioner: on a change of what defines the job, or on every
      // apply when asked.
      triggersReplace: literalTemplates(props.runOnEveryDeploy ? { ...runTriggers, deploy: Fn.timestamp() } : runTriggers),
      dependsOn: destination.policy ? [destination.policy] : undefined,
      provisioners: [handlerProvisioner(this, {
        command: 'run',
        ...handler,
        environment: {
          [JOB_VARIABLE]: '${jsonencode(self.input.job)}',
          // The resource's own id, a UUID made when it is created: each run gets a new one, retries keep it.
          [RUN_ID_VARIABLE]: '${self.id}',
        },
      })],
    });
    this.resource = resource;
    this.bucketName = props.bucketName;
    this.inventoryId = Fn.join('-', [spec.idPrefix, Fn.substr(Fn.replace(resource.id, '-', ''), 0, 12)]);
    this.reportPath = `${sourcePath}/${this.inventoryId}`;
    if (wait) {
      // Its own resource: a late or failing report taints only the wait, and the next apply waits again for the
      // same job rather than submit a new one. It waits once per run; its settings change in place.
      this.waitResource = new TerraformData(this, 'Wait', {
        input: { job: literalTemplates(spec) },
        triggersReplace: { run: resource.id },
        provisioners: [handlerProvisioner(this, {
          command: 'verify',
          ...handler,
          environment: { [JOB_VARIABLE]: '${jsonencode(self.input.job)}', [JOB_ID_VARIABLE]: this.inventoryId },
        })],
      });
    }
  }
}

/** What defines a job, and so re-runs it when it changes: not the document's version, not the wait. */
function jobDefinition(job: Omit<InventoryJobSpec, 'wait'>): Record<string, unknown> {
  const { version: _version, ...definition } = job;
  return definition;
}

function checkWaitProps(props: InventoryJobProps): Problem[] {
  const problems = [
    ...checkWait('waitTimeoutSeconds', known(props.waitTimeoutSeconds), 'pollIntervalSeconds', known(props.pollIntervalSeconds)),
    ...checkSummaryDepth('reportSummaryDepth', known(props.reportSummaryDepth)),
  ];
  for (const field of ['waitTimeoutSeconds', 'pollIntervalSeconds', 'reportSummaryDepth'] as const) {
    if (props[field] !== undefined && !props.waitForReport) problems.push({ field, value: props[field], rule: 'applies only with waitForReport: true' });
  }
  return problems;
}
