import { Construct, Fn, TerraformResource } from './core';
import { TerraformData } from './terraform-data';
import { CosHandlerOptions, cosEndpointSettings, cosHandlerProblems } from './handler-options';
import { handlerProvisioner } from './handler-provisioner';
import { MAX_JOB_ID_PREFIX_LENGTH, oneTimeJobProblems } from './contract/job';
import { schemaProblems } from './contract/document';
import { InventoryJobSpec, JOB_SCHEMA } from './contract/spec';
import { InventoryObjectVersions, InventoryReportOptions } from './inventory-options';
import { handlerFilter, InventorySourceProps, reportSourceProblems, tagProblems } from './inventory-source';
import { checkInventoryId } from './contract/rules/inventory-id';
import { known } from './validation/known';
import { Problem, throwIfProblems } from './contract/rules/problem';
import { literalTemplates } from './terraform-literal';
import { checkWait } from './contract/rules/wait';
import { JOB_VARIABLE, RUN_ID_VARIABLE } from './contract/environment';

/** Props of {@link InventoryJob}. */
export interface InventoryJobProps extends InventorySourceProps, InventoryReportOptions, CosHandlerOptions {
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
}

/**
 * A one-off inventory job (POST Bucket inventory) submitted when the stack is applied.
 *
 * It synthesizes a built-in `terraform_data` resource whose `local-exec` provisioner runs the bundled handler with
 * Node.js; the handler travels with the stack as a `TerraformAsset`. Lifecycle:
 * - **create**: the job runs once;
 * - **change** of any job setting: the resource is replaced and the job runs again, under a new id;
 * - `runOnEveryDeploy`: it is replaced, and runs, on every apply;
 * - **plan** and **destroy** run nothing.
 *
 * Credentials are read at apply time from `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and
 * `TENCENTCLOUD_SECURITY_TOKEN`, the provider's own variables; they never enter the synthesized JSON or the state.
 */
export class InventoryJob extends Construct {
  /** The `terraform_data` resource that runs the job. */
  public readonly resource: TerraformResource;
  /** The job id of the current run (known after apply): `<prefix>-<12 hex digits>`. */
  public readonly jobId: string;
  /** Where the reports land: `cos://<destination bucket>/<prefix>/<appid>/<source name>/`; job id and date follow. */
  public readonly reportLocation: string;

  constructor(scope: Construct, id: string, props: InventoryJobProps) {
    super(scope, id);
    const destination = props.destination;
    const reportPrefix = props.reportPrefix ?? destination.reportPrefix;
    const idPrefix = props.jobIdPrefix ?? 'one-off';
    throwIfProblems(this.node.path, [
      ...reportSourceProblems(props, reportPrefix),
      ...checkInventoryId('jobIdPrefix', known(idPrefix), MAX_JOB_ID_PREFIX_LENGTH),
      ...tagProblems(props),
      ...oneTimeJobProblems(props as unknown as Record<string, unknown>),
      ...checkWaitProps(props),
      ...cosHandlerProblems(props),
    ]);

    const sourcePath = destination.grantInventoryReports({ bucketName: props.bucketName, appId: props.appId, reportPrefix });
    this.reportLocation = `cos://${destination.bucketName}/${sourcePath}/`;
    const spec: InventoryJobSpec = {
      version: 1,
      bucket: props.bucketName,
      region: props.region ?? destination.region,
      idPrefix,
      destination: { bucket: destination.bucketName, accountId: destination.ownerUin, prefix: reportPrefix, encryption: props.encryptReports ?? true },
      filter: handlerFilter(props),
      includedObjectVersions: props.includedObjectVersions ?? InventoryObjectVersions.CURRENT,
      optionalFields: props.optionalFields ?? [],
      wait: props.waitForReport
        ? { timeoutSeconds: props.waitTimeoutSeconds ?? 3600, pollIntervalSeconds: props.pollIntervalSeconds ?? 30 }
        : undefined,
    };
    throwIfProblems(this.node.path, schemaProblems(JOB_SCHEMA, spec));
    // The job travels as data: Terraform encodes it for the handler, so no value is ever read as JSON or HCL.
    const job = literalTemplates(spec);
    const resource = new TerraformData(this, 'Job', {
      // Kept in state and shown in plans; it holds no credentials.
      input: { job },
      // Replacement is what re-runs a create-time provisioner: on a changed job, or on every apply when asked.
      triggersReplace: props.runOnEveryDeploy ? { job, deploy: Fn.timestamp() } : { job },
      dependsOn: destination.policy ? [destination.policy] : undefined,
      provisioners: [handlerProvisioner(this, {
        command: 'run',
        nodeExecutable: props.nodeExecutable,
        settings: cosEndpointSettings(props.endpoint),
        environment: {
          [JOB_VARIABLE]: '${jsonencode(self.input.job)}',
          // The resource's own id, a UUID made when it is created: each run gets a new one, retries keep it.
          [RUN_ID_VARIABLE]: '${self.id}',
        },
      })],
    });
    this.resource = resource;
    this.jobId = Fn.join('-', [idPrefix, Fn.substr(Fn.replace(resource.id, '-', ''), 0, 12)]);
  }
}

function checkWaitProps(props: InventoryJobProps): Problem[] {
  const problems = checkWait('waitTimeoutSeconds', known(props.waitTimeoutSeconds), 'pollIntervalSeconds', known(props.pollIntervalSeconds));
  for (const field of ['waitTimeoutSeconds', 'pollIntervalSeconds'] as const) {
    if (props[field] !== undefined && !props.waitForReport) problems.push({ field, value: props[field], rule: 'applies only with waitForReport: true' });
  }
  return problems;
}
