import { Construct, DataResource, Fn, TerraformResource } from './core';
import { handlerCommand } from './handler-asset';
import { InventoryJobSpec, jobSpecOneTimeProblems, MAX_JOB_ID_PREFIX_LENGTH } from './handler/job-spec';
import { InventoryObjectVersions, InventoryReportOptions } from './inventory-options';
import { handlerFilter, InventorySourceProps, reportSourceProblems, tagProblems } from './inventory-source';
import { checkInventoryId } from './validation/inventory-id';
import { known } from './validation/known';
import { Problem, throwIfProblems } from './validation/problem';

/** Where the handler sends its requests, when not to the public COS endpoint. */
export interface InventoryJobEndpoint {
  /**
   * Host template for a private endpoint, as the COS SDK takes it, for example
   * `{Bucket}.cos-internal.{Region}.tencentcos.cn`.
   * @default - the public endpoint `{Bucket}.cos.{Region}.myqcloud.com`
   */
  readonly domain?: string;
  /**
   * An HTTP proxy every request goes through with its real Host header (for example `http://127.0.0.1:8080`);
   * requests then use plain `http:` unless `protocol` says otherwise.
   * @default - no proxy
   */
  readonly proxy?: string;
  /**
   * `http:` or `https:`.
   * @default - `https:`, or `http:` with a `http://` proxy
   */
  readonly protocol?: string;
}

/** Props of {@link InventoryJob}. */
export interface InventoryJobProps extends InventorySourceProps, InventoryReportOptions {
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
  /**
   * Private endpoint or proxy. The variables `COS_INVENTORY_DOMAIN`, `COS_INVENTORY_PROXY` and
   * `COS_INVENTORY_PROTOCOL` in the environment of `terraform apply` do the same without changing the stack.
   * @default - the public endpoint, or what the environment says
   */
  readonly endpoint?: InventoryJobEndpoint;
  /**
   * The Node.js executable that runs the handler on the machine that applies the stack.
   * @default 'node'
   */
  readonly nodeExecutable?: string;
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
      ...jobSpecOneTimeProblems(props as unknown as Record<string, unknown>),
      ...checkWait(props),
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
    const specJson = JSON.stringify(spec);
    const handler = handlerCommand(this, props.nodeExecutable);

    const job = new DataResource(this, 'Job', {
      // Kept in state and shown in plans; it holds no credentials.
      input: { job: specJson },
      // Replacement is what re-runs a create-time provisioner: on a changed job, or on every apply when asked.
      triggersReplace: props.runOnEveryDeploy ? { job: specJson, deploy: Fn.timestamp() } : { job: specJson },
      dependsOn: destination.policy ? [destination.policy] : undefined,
      provisioners: [{
        type: 'local-exec',
        command: `${handler} run`,
        environment: {
          COS_INVENTORY_JOB: specJson,
          // The resource's own id, a UUID made when it is created: each run gets a new one, retries keep it.
          COS_INVENTORY_RUN_ID: '${self.id}',
          ...endpointEnvironment(props.endpoint),
        },
      }],
    });
    this.resource = job;
    this.jobId = Fn.join('-', [idPrefix, Fn.substr(Fn.replace(job.id, '-', ''), 0, 12)]);
  }
}

function endpointEnvironment(endpoint: InventoryJobEndpoint | undefined): Record<string, string> {
  const environment: Record<string, string> = {};
  if (endpoint?.domain) environment.COS_INVENTORY_DOMAIN = endpoint.domain;
  if (endpoint?.proxy) environment.COS_INVENTORY_PROXY = endpoint.proxy;
  if (endpoint?.protocol) environment.COS_INVENTORY_PROTOCOL = endpoint.protocol;
  return environment;
}

function checkWait(props: InventoryJobProps): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['waitTimeoutSeconds', 'pollIntervalSeconds'] as const) {
    const value = known(props[field]);
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) problems.push({ field, value, rule: 'must be a whole number of seconds, 1 or more' });
    if (props[field] !== undefined && !props.waitForReport) problems.push({ field, value: props[field], rule: 'applies only with waitForReport: true' });
  }
  const protocol = props.endpoint?.protocol;
  if (protocol !== undefined && protocol !== 'http:' && protocol !== 'https:') problems.push({ field: 'endpoint.protocol', value: protocol, rule: 'must be http: or https:' });
  return problems;
}
