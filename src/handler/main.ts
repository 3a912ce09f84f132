#!/usr/bin/env node
// The thin entry of the bundled handler and of the `cos-inventory` command: reads the job from the environment or a
// file, wires the real COS client, clock and logger into the pure job functions, and turns the outcome into an exit
// code. Credentials come only from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SECURITY_TOKEN and are never printed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCosApi, credentialsFromEnv, endpointFromEnv } from './cos-api';
import { createCosClient } from './cos-client';
import { createCosInventoryConfigApi } from './cos-config-api';
import { createObsClient, obsCredentialsFromEnv, obsEndpointFromEnv } from './obs-client';
import { joinReconcileSlices, parseConfig, parseReconcile, parseTarget } from '../contract/config';
import type { InventoryService, LedgerLocation, ReconcileSpec } from '../contract/spec';
import { ledgerStore as bucketLedgerStore } from './ledger-store';
import { LedgerStore, reconcile, ReconcileDependencies, release } from './reconcile';
import { deleteConfig, InventoryConfigApi, ManagedDependencies, putAndVerify } from './managed-inventory';
import { createObsInventoryConfigApi } from './obs-api';
import { parseJob } from '../contract/job';
import { checkJobReport, JobDependencies, runInventoryJob } from './run-job';
import { checkConfigs, CheckInputError, checkLedgers, combinedExitCode, readStackInput } from './check';
import { CONFIG_VARIABLE, GENERATION_VARIABLE, JOB_ID_VARIABLE, JOB_VARIABLE, KEEP_VARIABLE, RECONCILE_VARIABLE, RUN_ID_VARIABLE, TARGET_VARIABLE } from '../contract/environment';
import { checkInventoryId } from '../contract/rules/inventory-id';
import { describeProblem, Problem } from '../contract/rules/problem';
import { checkRunId } from '../contract/rules/run-id';
import { checkSince, checkWait, MAX_SINCE_DAYS } from '../contract/rules/wait';

const USAGE = `usage:
  cos-inventory --version
  cos-inventory run    [--job FILE] [--run-id ID]
      submit one POST Bucket inventory job (job JSON from FILE or INVENTORY_JOB; run id from --run-id,
      INVENTORY_RUN_ID, or a new one), then wait for and verify the report if the job asks to
  cos-inventory verify [--job FILE] --job-id ID [--since ISO-TIME] [--timeout SECONDS] [--interval SECONDS]
      wait for the report of an earlier job and verify manifest.checksum and every data file (job id from --job-id
      or INVENTORY_JOB_ID; --since defaults to a day back, or a week back for an id from INVENTORY_JOB_ID)
  cos-inventory put    [--config FILE]
      put a periodic inventory config on COS or OBS (JSON from FILE or INVENTORY_CONFIG), then read it back
  cos-inventory delete [--target FILE]
      delete a periodic inventory config (JSON from FILE or INVENTORY_TARGET); one already gone is fine
  cos-inventory reconcile [--document FILE] [--generation ID]
      put every config of one destination that differs (JSON from FILE or INVENTORY_RECONCILE), refusing to overwrite
      one this stack did not put, delete those its ledger lists and the document no longer declares (INVENTORY_KEEP:
      a JSON array of <bucket>/<id> declared elsewhere, never deleted), and record them in the ledger
  cos-inventory release   [--document FILE] [--generation ID]
      delete every config the ledger lists (INVENTORY_KEEP and provider-managed ones excepted) and the ledger, when
      generation ID wrote it last
  cos-inventory check  [STACK_DIR] [--state FILE] [--repair] [--json]
      compare every periodic inventory config a synthesized stack declares (STACK_DIR: cdktf.out/stacks/<stack>,
      default .), handler- or provider-managed, with what COS or OBS holds: one line per differing field. Values
      known only after apply come from --state FILE (JSON of terraform state pull) or the stack's local state file;
      with only --state, the configs that state holds. Each destination's ledger is read too: a config this stack
      put and no longer declares, still on its bucket, is reported "undeclared". --repair puts drifted and missing
      configs back in the form their owner (provider or handler) puts them, and deletes undeclared ones. --json
      prints one JSON document instead of the lines: {checked, matching, drifted, missing, repaired, failed,
      exitCode, configs: [{address, service, bucket, region, id, path, status, differences: [{field, declared,
      live}], repaired?, error?}], undeclared: [...]}
      exit 0 all match (or were repaired), 3 drift or undeclared found, 1 a request failed, 4 both, 2 bad stack,
      state or value
  cos-inventory report summary|diff|export|verify ...
      read inventory reports (local or in the destination bucket): see cos-inventory report --help
environment: TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SECURITY_TOKEN (COS credentials);
  HW_ACCESS_KEY, HW_SECRET_KEY, HW_SECURITY_TOKEN (OBS credentials); HTTPS_PROXY, HTTP_PROXY, NO_PROXY (as the
  providers read them; HTTPS always goes through a proxy in a CONNECT tunnel); COS_INVENTORY_DOMAIN and
  OBS_INVENTORY_DOMAIN (private endpoint host templates such as {Bucket}.cos-internal.{Region}.tencentcos.cn);
  COS_INVENTORY_PROXY (a proxy for COS requests alone); OBS_INVENTORY_CONNECT_TO (host:port to dial, keeps the real
  Host); COS_INVENTORY_PROTOCOL, OBS_INVENTORY_PROTOCOL (http: for tests against a local fake only);
  COS_INVENTORY_TIMEOUT_MS (per-request timeout for COS, default 30000), OBS_INVENTORY_TIMEOUT_SECONDS (for OBS, default 30)
output: results on stdout, progress and errors on stderr
exit codes: 0 done; 1 the service refused a request or the report did not check out; 2 bad command, document,
  setting or credentials (found before any request); 3 check found drift; 4 check found drift and a request failed`;

/**
 * Exit codes: 0 done; 1 the service refused a request or the report did not check out; 2 the command, a document,
 * a setting or the credentials are missing or wrong, found before any request; 3 `check` found drift.
 */
const EXIT_FAILED = 1;
/**
 * How far back `verify` looks for the report by default: a day for an operator's run; a week for the deploy-time
 * wait (job id from the environment), which a failed apply may resume days after the job was submitted.
 */
const VERIFY_LOOKBACK_MS = { flag: 86_400_000, deployWait: MAX_SINCE_DAYS * 86_400_000 };
/** `verify` of a job without a wait and no flags: look now, and once more a second later. */
const DEFAULT_VERIFY_TIMEOUT_SECONDS = 1;
const DEFAULT_VERIFY_INTERVAL_SECONDS = 1;
const EXIT_USAGE = 2;

/** A bad command line: exit 2 with the usage. */
class UsageError extends Error {}
/** A bad document, setting or credentials, found before any request: exit 2 with the message alone. */
class InputError extends Error {}

/** The package version, written into the bundle by scripts/bundle-handler.js. */
declare const PACKAGE_VERSION: string;

/** Progress, for people and the Terraform log. */
function log(line: string): void {
  process.stderr.write(`cos-inventory: ${line}\n`);
}

/** A command's result, for pipelines. */
function result(line: string): void {
  process.stdout.write(`cos-inventory: ${line}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settings read from the environment (credentials, endpoint): wrong ones are the caller's to fix, like a bad flag. */
function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}

/** A flag's value checked by the contract's rules, before any request. */
function checked<T>(value: T, problems: Problem[]): T {
  if (problems.length > 0) throw new InputError(problems.map(describeProblem).join('\n'));
  return value;
}

/** A numeric flag as a number, or as given when it is not one, so a refusal echoes what was typed. */
function numberFlag(raw: string | undefined): number | string | undefined {
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

function readInput<T>(file: string | undefined, variable: string, parse: (json: string | undefined) => T): T {
  try {
    return parse(file !== undefined ? readFileSync(file, 'utf8') : process.env[variable]);
  } catch (err) {
    throw new InputError(`${(err as Error).message} (pass a file or set ${variable})`);
  }
}

function configApi(service: InventoryService): InventoryConfigApi {
  return service === 'obs'
    ? setting(() => createObsInventoryConfigApi(createObsClient(obsCredentialsFromEnv(process.env), obsEndpointFromEnv(process.env))))
    : setting(() => createCosInventoryConfigApi(credentialsFromEnv(process.env), endpointFromEnv(process.env)));
}

function managedDependencies(api: InventoryConfigApi): ManagedDependencies {
  return { api, log, sleep, random: Math.random };
}

/** The handler's side of a reconciling `terraform_data`: its document, the generation (its id) and what to keep. */
function reconcileRun(values: { document?: string; generation?: string }) {
  const spec = readInput(values.document, RECONCILE_VARIABLE, (json) => parseReconcile(values.document !== undefined ? json : joinReconcileSlices(process.env)));
  const generation = values.generation ?? process.env[GENERATION_VARIABLE];
  if (!generation) throw new UsageError(`no generation: pass --generation ID or set ${GENERATION_VARIABLE}`);
  const keep = readInput(undefined, KEEP_VARIABLE, (json) => (json === undefined || json === '' ? [] : parseKeep(json)));
  return { spec, generation, keep, deps: reconcileDependencies(spec) };
}

function parseKeep(json: string): string[] {
  const keep: unknown = JSON.parse(json);
  if (!Array.isArray(keep) || !keep.every((key) => typeof key === 'string')) throw new Error(`${KEEP_VARIABLE} must be a JSON array of strings`);
  return keep;
}

/** The ledger object at `location`, read and written with the credentials and endpoint settings of the environment. */
function ledgerStore(service: InventoryService, location: LedgerLocation): LedgerStore {
  return service === 'obs'
    ? setting(() => bucketLedgerStore('obs', createObsClient(obsCredentialsFromEnv(process.env), obsEndpointFromEnv(process.env)), location))
    : setting(() => bucketLedgerStore('cos', createCosClient(credentialsFromEnv(process.env), endpointFromEnv(process.env)), location));
}

function reconcileDependencies(spec: ReconcileSpec): ReconcileDependencies {
  return { ...managedDependencies(configApi(spec.service)), ledger: ledgerStore(spec.service, spec.ledger) };
}

function dependencies(): JobDependencies {
  return {
    api: setting(() => createCosApi(credentialsFromEnv(process.env), endpointFromEnv(process.env))),
    log,
    now: () => new Date(),
    sleep,
    random: Math.random,
    summarizeReport: (spec, report, depth) => loadReportCommand().logJobSummary(spec, report.manifestKey, depth, log),
  };
}

/** The report reader, loaded only for `report` and a job's summary: in the bundle, ./report.js beside index.js. */
function loadReportCommand(): typeof import('./report-command') {
  return require('./report-command');
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'report') return loadReportCommand().reportCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'job': { type: 'string' }, 'config': { type: 'string' }, 'target': { type: 'string' }, 'run-id': { type: 'string' }, 'job-id': { type: 'string' },
      'since': { type: 'string' }, 'timeout': { type: 'string' }, 'interval': { type: 'string' }, 'help': { type: 'boolean' },
      'state': { type: 'string' }, 'repair': { type: 'boolean' }, 'json': { type: 'boolean' }, 'version': { type: 'boolean' },
      'document': { type: 'string' }, 'generation': { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === undefined) throw new UsageError('no command given');
  if (command === 'run') {
    const spec = readInput(values.job, JOB_VARIABLE, parseJob);
    const runId = values['run-id'] ?? process.env[RUN_ID_VARIABLE] ?? randomUUID();
    checked(runId, checkRunId(values['run-id'] !== undefined ? '--run-id' : RUN_ID_VARIABLE, runId));
    const done = await runInventoryJob(spec, runId, dependencies());
    result(`done: job ${done.jobId}${done.report ? `, report ${done.report.manifestKey} verified` : ''}`);
    return 0;
  }
  if (command === 'verify') {
    const spec = readInput(values.job, JOB_VARIABLE, parseJob);
    const jobId = values['job-id'] ?? process.env[JOB_ID_VARIABLE];
    if (!jobId) throw new UsageError(`verify needs --job-id or ${JOB_ID_VARIABLE}`);
    checked(jobId, checkInventoryId('--job-id', jobId));
    const now = new Date();
    const lookback = values['job-id'] !== undefined ? VERIFY_LOOKBACK_MS.flag : VERIFY_LOOKBACK_MS.deployWait;
    const since = values.since ? new Date(values.since) : new Date(now.getTime() - lookback);
    checked(since, values.since ? checkSince('--since', since, now, values.since) : []);
    const timeout = numberFlag(values.timeout) ?? spec.wait?.timeoutSeconds ?? DEFAULT_VERIFY_TIMEOUT_SECONDS;
    const interval = numberFlag(values.interval) ?? spec.wait?.pollIntervalSeconds ?? DEFAULT_VERIFY_INTERVAL_SECONDS;
    checked(undefined, checkWait('--timeout', timeout, '--interval', interval));
    await checkJobReport(spec, jobId, since, { timeoutSeconds: timeout as number, pollIntervalSeconds: interval as number }, dependencies());
    result(`done: report of job ${jobId} verified`);
    return 0;
  }
  if (command === 'put') {
    const spec = readInput(values.config, CONFIG_VARIABLE, parseConfig);
    await putAndVerify(spec, managedDependencies(configApi(spec.service)));
    result(`done: put ${spec.service} inventory ${spec.id} on ${spec.bucket}`);
    return 0;
  }
  if (command === 'delete') {
    const target = readInput(values.target, TARGET_VARIABLE, parseTarget);
    await deleteConfig(target, managedDependencies(configApi(target.service)));
    result(`done: deleted ${target.service} inventory ${target.id} on ${target.bucket}`);
    return 0;
  }
  if (command === 'reconcile' || command === 'release') {
    const run = reconcileRun(values);
    await (command === 'reconcile' ? reconcile(run.spec, run.generation, run.keep, run.deps) : release(run.generation, run.keep, run.deps));
    return 0;
  }
  if (command === 'check') {
    const readText = (file: string) => {
      try {
        return readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new CheckInputError(`cannot read ${file}: ${(err as Error).message}`);
      }
    };
    let input;
    try {
      input = readStackInput(positionals[1], values.state, { readText });
    } catch (err) {
      throw err instanceof CheckInputError ? new InputError(err.message) : err;
    }
    const apis = new Map<string, InventoryConfigApi>();
    // One client a service: a request names its bucket's region itself.
    const apiFor = (service: InventoryService) => {
      if (!apis.has(service)) apis.set(service, configApi(service));
      return apis.get(service)!;
    };
    // With --json, stdout carries the one document: the lines are not printed and progress goes to stderr.
    const json = values.json === true;
    const print = json ? () => undefined : (line: string) => process.stdout.write(`${line}\n`);
    const progress = json ? (line: string) => process.stderr.write(`cos-inventory: ${line}\n`) : log;
    if (input.stateFile) progress(`values known only after apply are read from ${input.stateFile}`);
    const deps = { apiFor, print, log: progress, sleep, random: Math.random };
    const configs = await checkConfigs(input.configs, values.repair === true, deps);
    const ledgers = await checkLedgers(input.ledgers, input.configs, values.repair === true, { ...deps, ledgerFor: ledgerStore });
    const exitCode = combinedExitCode(configs.exitCode, ledgers.exitCode);
    if (json) process.stdout.write(`${JSON.stringify({ ...configs, exitCode, undeclared: ledgers.undeclared })}\n`);
    return exitCode;
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}`);
}

/** Exits once everything written has reached stdout and stderr: a pipe would otherwise lose what is still buffered. */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  exitAfterFlush,
  (err: unknown) => {
    const usage = err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`cos-inventory: error: ${(err as Error)?.message ?? String(err)}\n${usage ? `${USAGE}\n` : ''}`);
    exitAfterFlush(usage || err instanceof InputError ? EXIT_USAGE : EXIT_FAILED);
  },
);
