// `cos-inventory check`: finds every periodic inventory config a synthesized cdktf stack declares (handler-managed
// `terraform_data` and provider-managed `tencentcloud_cos_bucket_inventory`), reads each from COS or OBS, and reports
// the fields that differ; with repair it puts the declared config back. Pure: files and the service APIs are injected.
import * as path from 'node:path';
import { describeProblem } from '../contract/rules/problem';
import { configProblems } from '../contract/config';
import { schemaProblems } from '../contract/document';
import { CONFIG_SCHEMA, configKey, InventoryService, LEDGER_LOCATION_SCHEMA, LedgerLocation, ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { compareConfigs, ComparableConfig, ConfigOwner, deleteConfig, describeDifference, Difference, InventoryConfigApi, ManagedDependencies, putAndVerify } from './managed-inventory';
import { LedgerStore, readLedger, undeclaredInLedger } from './reconcile';
import { DEFAULT_RETRY, withRetries } from './retry';
import { describeServiceError } from './service-error';

/** Exit codes of `check`: 1 and 2 mean what they mean for the other commands. */
export const CHECK_EXIT = { inSync: 0, requestFailed: 1, badInput: 2, drift: 3, driftAndRequestFailed: 4 } as const;

/** A stack, state or value `check` cannot work with: exit 2. */
export class CheckInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckInputError';
  }
}

/** Reads a file for `check`: its text, or `undefined` when there is no such file (other errors throw). */
export interface CheckFiles {
  readText(file: string): string | undefined;
}

/** One inventory config the stack declares, with every value known. */
export interface DeclaredConfig {
  /** `terraform_data.<name>` or `tencentcloud_cos_bucket_inventory.<name>`, with `[key]` for count/for_each. */
  readonly resource: string;
  /** The construct path cdktf recorded, when it did. */
  readonly constructPath?: string;
  readonly managedBy: ConfigOwner;
  readonly spec: ManagedInventorySpec;
}

/** The ledger of one destination's reconciler: the configs the stack put there, by the handler or a provider resource. */
export interface DeclaredLedger {
  /** `terraform_data.<name>` of the reconciler. */
  readonly resource: string;
  readonly service: InventoryService;
  readonly location: LedgerLocation;
}

/** What `check` works on: the configs, the ledgers, and where unknown values were read from. */
export interface StackInput {
  readonly configs: DeclaredConfig[];
  readonly ledgers: DeclaredLedger[];
  /** The state file values were read from, if one was read. */
  readonly stateFile?: string;
}

/** A Terraform state as `terraform state pull` prints it (format version 4), and where it came from. */
export interface StateSource {
  readonly document: TerraformState;
  readonly file: string;
}

interface TerraformState {
  readonly version: number;
  readonly resources: Array<{
    readonly module?: string;
    readonly mode: string;
    readonly type: string;
    readonly name: string;
    readonly instances: Array<{ readonly index_key?: string | number; readonly deposed?: string; readonly attributes?: Record<string, unknown> }>;
  }>;
}

const HANDLER_TYPE = 'terraform_data';
const PROVIDER_TYPE = 'tencentcloud_cos_bucket_inventory';

// ---------------------------------------------------------------------------------------------------------------
// Reading the stack directory and the state.

/**
 * The configs of the stack in `stackDir` (its `cdk.tf.json`), with values Terraform resolves at apply read from
 * `stateFile`, or else from the stack's local state when there is one. With only `stateFile`, the configs its
 * resources hold.
 */
export function readStackInput(stackDir: string | undefined, stateFile: string | undefined, files: CheckFiles): StackInput {
  const explicitState = stateFile !== undefined ? readState(stateFile, files, '--state') : undefined;
  if (stackDir === undefined && explicitState) return { configs: configsInState(explicitState), ledgers: ledgersInState(explicitState), stateFile: explicitState.file };
  const dir = stackDir ?? '.';
  const stackFile = path.join(dir, 'cdk.tf.json');
  const text = files.readText(stackFile);
  if (text === undefined) {
    throw new CheckInputError(`no synthesized stack in ${dir}: ${stackFile} does not exist (give the directory of one stack, cdktf.out/stacks/<stack>, after cdktf synth)`);
  }
  const stack = parseJson(text, `${stackFile} is not JSON`);
  if (stack === null || typeof stack !== 'object') throw new CheckInputError(`${stackFile} is not a synthesized stack`);
  let state = explicitState;
  const localFile = localStateFile(stack, dir).file;
  const localText = state || localFile === undefined ? undefined : files.readText(localFile);
  if (localText !== undefined) state = parseState(localText, localFile!, 'the local state');
  const noStateReason = localStateHint(stack, dir);
  return { configs: findDeclaredConfigs(stack, state, noStateReason), ledgers: findLedgers(stack, state, noStateReason), stateFile: state?.file };
}

/**
 * Where Terraform keeps the stack's state when its backend is local: the `path` of `terraform.backend.local`, which
 * cdktf's default `LocalBackend` sets to `<working directory of cdktf synth>/terraform.<stack>.tfstate` (an absolute
 * path; a relative one is relative to the stack directory, where Terraform runs), or `terraform.tfstate` in the
 * stack directory without any backend. `undefined` with the backend's type for any other backend.
 */
export function localStateFile(stack: any, stackDir: string): { file?: string; backend?: string } {
  const backends = stack?.terraform?.backend ?? {};
  const type = Object.keys(backends)[0] ?? (stack?.terraform?.cloud ? 'cloud' : undefined);
  if (type === undefined) return { file: path.join(stackDir, 'terraform.tfstate') };
  if (type !== 'local') return { backend: type };
  const configured = backends.local?.path;
  return { file: path.resolve(stackDir, typeof configured === 'string' && configured ? configured : 'terraform.tfstate'), backend: 'local' };
}

function localStateHint(stack: any, stackDir: string): string {
  const local = localStateFile(stack, stackDir);
  return local.file !== undefined
    ? `no state was given and the stack's local state ${local.file} does not exist`
    : `no state was given and the stack's backend is ${local.backend}`;
}

function readState(file: string, files: CheckFiles, what: string): StateSource {
  const text = files.readText(file);
  if (text === undefined) throw new CheckInputError(`${what} ${file} does not exist`);
  return parseState(text, file, what);
}

function parseState(text: string, file: string, what: string): StateSource {
  const document = parseJson(text, `${what} ${file} is not JSON`) as TerraformState;
  if (document === null || typeof document !== 'object' || document.version !== 4 || !Array.isArray(document.resources)) {
    throw new CheckInputError(`${what} ${file} is not a Terraform state (the JSON of terraform state pull, format version 4)`);
  }
  return { document, file };
}

function parseJson(text: string, failure: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CheckInputError(`${failure}: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform templates: every string of a .tf.json file is one.

/**
 * The text a `.tf.json` string stands for when it is a literal: `$${` and `%%{` un-escaped to `${` and `%{`.
 * `undefined` when it holds an interpolation `${...}` or a directive `%{...}`, whose value only Terraform knows.
 */
export function terraformLiteral(template: string): string | undefined {
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const rest = template.slice(i, i + 3);
    if (rest === '$${' || rest === '%%{') {
      text += `${rest[0]}{`;
      i += 2;
    } else if (rest.startsWith('${') || rest.startsWith('%{')) {
      return undefined;
    } else {
      text += template[i];
    }
  }
  return text;
}

/** Why a value is not known: where it is and the expression it holds. */
interface UnknownValue {
  readonly field: string;
  readonly expression: string;
}

/**
 * The declared value with every literal un-escaped and every expression replaced by the value at the same place in
 * `applied` (the resource's state), when the resource is in the state. Expressions with no state are collected in
 * `unknown`.
 */
function resolve(declared: unknown, applied: unknown, inState: boolean, field: string, unknown: UnknownValue[]): unknown {
  if (typeof declared === 'string') {
    const literal = terraformLiteral(declared);
    if (literal !== undefined) return literal;
    if (inState) return applied ?? undefined;
    unknown.push({ field, expression: declared });
    return undefined;
  }
  if (Array.isArray(declared)) {
    return declared.map((item, i) => resolve(item, Array.isArray(applied) ? applied[i] : undefined, inState, `${field}[${i}]`, unknown));
  }
  if (declared !== null && typeof declared === 'object') {
    const appliedObject = applied !== null && typeof applied === 'object' ? (applied as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(declared).map(([key, child]) =>
      [key, resolve(child, appliedObject[key], inState, field ? `${field}.${key}` : key, unknown)]));
  }
  return declared;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the configs.

interface StateInstance {
  readonly key?: string | number;
  readonly attributes: Record<string, unknown>;
}

function stateInstances(state: StateSource | undefined, type: string, name: string): StateInstance[] | undefined {
  const resource = state?.document.resources.find((r) => r.mode === 'managed' && r.type === type && r.name === name && !r.module);
  if (!resource) return undefined;
  return resource.instances.filter((i) => !i.deposed).map((i) => ({ key: i.index_key, attributes: i.attributes ?? {} }));
}

/** `terraform_data`'s `input` is dynamically typed, so the state holds it as `{ value, type }`. */
function stateInput(attributes: Record<string, unknown>): unknown {
  const input = attributes.input as { value?: unknown; type?: unknown } | null | undefined;
  return input !== null && typeof input === 'object' && 'value' in input && 'type' in input ? input.value : input;
}

/** Every inventory config `stack` (a parsed `cdk.tf.json`) declares, with values known only after apply from `state`. */
export function findDeclaredConfigs(stack: any, state: StateSource | undefined, noStateReason = 'no state was given'): DeclaredConfig[] {
  const configs: DeclaredConfig[] = [];
  for (const type of [HANDLER_TYPE, PROVIDER_TYPE]) {
    for (const [name, body] of Object.entries<any>(stack?.resource?.[type] ?? {})) {
      if (body === null || typeof body !== 'object') continue;
      const resource = `${type}.${name}`;
      const constructPath: string | undefined = body['//']?.metadata?.path;
      if (type === HANDLER_TYPE && body.input?.reconcile) {
        configs.push(...reconciledConfigs(body.input.reconcile, stateInstances(state, type, name)?.[0], resource, constructPath, state, noStateReason));
        continue;
      }
      if (type === HANDLER_TYPE && !looksLikeManagedConfig(body.input?.config)) continue;
      const where = constructPath ? `${resource} (${constructPath})` : resource;
      const instances = stateInstances(state, type, name);
      const repeated = ['count', 'for_each'].find((key) => body[key] !== undefined);
      if (repeated) {
        // Each instance may resolve differently: only the state knows them.
        if (!instances) throw unknownError(where, `${repeated} = ${JSON.stringify(body[repeated])}: its instances are known only from the state`, state, noStateReason);
        for (const instance of instances) {
          const label = `${resource}[${JSON.stringify(instance.key)}]`;
          configs.push(declaredConfig(type, body, instance, label, constructPath, `${where}[${JSON.stringify(instance.key)}]`, state, noStateReason));
        }
        continue;
      }
      if (instances && instances.length > 1) throw new CheckInputError(`${where}: the state holds ${instances.length} instances of a resource the stack declares once`);
      configs.push(declaredConfig(type, body, instances?.[0], resource, constructPath, where, state, noStateReason));
    }
  }
  return configs;
}

function declaredConfig(type: string, body: any, instance: StateInstance | undefined, resource: string, constructPath: string | undefined,
  where: string, state: StateSource | undefined, noStateReason: string): DeclaredConfig {
  const unknown: UnknownValue[] = [];
  const inState = instance !== undefined;
  const resolved = type === HANDLER_TYPE
    ? handlerConfig(body.input.config, instance && stateInput(instance.attributes), inState, unknown, where)
    : resolve(providerAttributes(body), providerAttributes(instance?.attributes ?? {}), inState, '', unknown);
  if (unknown.length > 0) {
    throw unknownError(where, `${unknown.map((u) => `${u.field} = ${u.expression}`).join(', ')}: known only after apply`, state, noStateReason);
  }
  const spec = type === HANDLER_TYPE ? resolved as ManagedInventorySpec : providerSpec(resolved, where);
  return { resource, constructPath, managedBy: type === HANDLER_TYPE ? 'handler' : 'provider', spec: checkedSpec(spec, where) };
}

/** The handler-managed configs of a destination's reconciler (`input.reconcile.configs`), one per label. */
function reconciledConfigs(declared: any, instance: StateInstance | undefined, resource: string, constructPath: string | undefined,
  state: StateSource | undefined, noStateReason: string): DeclaredConfig[] {
  const applied = (instance && (stateInput(instance.attributes) as { reconcile?: { configs?: Record<string, unknown> } } | undefined))?.reconcile?.configs ?? {};
  return Object.entries<unknown>(declared.configs ?? {}).map(([label, config]) => {
    const where = `${resource}[${JSON.stringify(label)}]${constructPath ? ` (${constructPath})` : ''}`;
    const unknown: UnknownValue[] = [];
    const spec = resolve(config, applied[label], instance !== undefined, `input.reconcile.configs[${JSON.stringify(label)}]`, unknown) as ManagedInventorySpec;
    if (unknown.length > 0) throw unknownError(where, `${unknown.map((u) => `${u.field} = ${u.expression}`).join(', ')}: known only after apply`, state, noStateReason);
    return { resource: `${resource}[${JSON.stringify(label)}]`, constructPath, managedBy: 'handler' as const, spec: checkedSpec(spec, where) };
  });
}

/** The ledger of every destination's reconciler in `stack`, its location resolved like the configs. */
export function findLedgers(stack: any, state: StateSource | undefined, noStateReason = 'no state was given'): DeclaredLedger[] {
  return Object.entries<any>(stack?.resource?.[HANDLER_TYPE] ?? {}).filter(([, body]) => body?.input?.reconcile).map(([name, body]) => {
    const resource = `${HANDLER_TYPE}.${name}`;
    const instance = stateInstances(state, HANDLER_TYPE, name)?.[0];
    const applied = (instance && (stateInput(instance.attributes) as { reconcile?: { ledger?: unknown } } | undefined))?.reconcile?.ledger;
    const unknown: UnknownValue[] = [];
    const location = resolve(body.input.reconcile.ledger, applied, instance !== undefined, 'input.reconcile.ledger', unknown);
    if (unknown.length > 0) throw unknownError(resource, `${unknown.map((u) => `${u.field} = ${u.expression}`).join(', ')}: known only after apply`, state, noStateReason);
    return ledgerOf(resource, body.input.reconcile.service, location);
  });
}

function ledgerOf(resource: string, service: unknown, location: unknown): DeclaredLedger {
  const problems = schemaProblems(LEDGER_LOCATION_SCHEMA, location);
  if ((service !== 'cos' && service !== 'obs') || problems.length > 0) {
    throw new CheckInputError(`${resource}: input.reconcile is not a reconcile document (service ${JSON.stringify(service)}, ledger ${JSON.stringify(location)})`);
  }
  return { resource, service, location: location as LedgerLocation };
}

function unknownError(where: string, what: string, state: StateSource | undefined, noStateReason: string): CheckInputError {
  const why = state
    ? `and ${state.file} does not hold the resource (not applied yet?)`
    : `and ${noStateReason}: pass --state FILE (the output of terraform state pull)`;
  return new CheckInputError(`${where}: ${what}, ${why}`);
}

/** `input.config` of a handler-managed config: the spec as JSON text (the first form) or as an object. */
function looksLikeManagedConfig(config: unknown): boolean {
  if (typeof config === 'string') {
    try {
      return looksLikeManagedConfig(JSON.parse(config));
    } catch {
      // Not JSON as written: an expression may make it JSON, so only the state tells.
      return terraformLiteral(config) === undefined;
    }
  }
  return config !== null && typeof config === 'object' && !Array.isArray(config) && 'service' in config;
}

function handlerConfig(declared: unknown, applied: unknown, inState: boolean, unknown: UnknownValue[], where: string): unknown {
  const field = 'input.config';
  const appliedConfig = typeof applied === 'object' && applied !== null ? (applied as { config?: unknown }).config : undefined;
  if (typeof declared !== 'string') {
    return resolve(declared, appliedConfig, inState, field, unknown);
  }
  // JSON text: Terraform evaluates the whole text as one template. Escapes and `${...}` sit inside JSON strings,
  // which JSON.parse leaves as they are, so each string is evaluated after parsing.
  const appliedSpec = typeof appliedConfig === 'string' ? parseJson(appliedConfig, `${where}: ${field} in the state is not JSON`) : appliedConfig;
  let parsed: unknown;
  try {
    parsed = JSON.parse(declared);
  } catch (err) {
    if (terraformLiteral(declared) !== undefined) throw new CheckInputError(`${where}: ${field} is not JSON: ${(err as Error).message}`);
    // An expression outside the JSON strings: the whole document comes from the state.
    if (inState) return appliedSpec;
    unknown.push({ field, expression: declared });
    return undefined;
  }
  return resolve(parsed, appliedSpec, inState, field, unknown);
}

/** The attributes of a `tencentcloud_cos_bucket_inventory` that make its config, with single nested blocks as objects. */
function providerAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const block = (value: unknown): any => (Array.isArray(value) ? value[0] : value) ?? undefined;
  const filter = block(attributes.filter);
  const destination = block(attributes.destination);
  const picked = {
    name: attributes.name,
    bucket: attributes.bucket,
    is_enabled: attributes.is_enabled,
    included_object_versions: attributes.included_object_versions,
    schedule: block(attributes.schedule),
    filter: filter && typeof filter === 'object' ? { ...filter, period: block(filter.period) } : filter,
    optional_fields: block(attributes.optional_fields),
    destination: destination && typeof destination === 'object' ? { ...destination, encryption: block(destination.encryption) } : destination,
  };
  return Object.fromEntries(Object.entries(picked).filter(([, value]) => value !== undefined && value !== null));
}

/** `qcs::cos:<region>::<bucket>`, how the provider names a destination bucket. */
const DESTINATION_REFERENCE = /^qcs::cos:([a-z0-9-]+)::(.+)$/;

function providerSpec(attributes: any, where: string): ManagedInventorySpec {
  const destination = attributes.destination ?? {};
  const reference = DESTINATION_REFERENCE.exec(String(destination.bucket ?? ''));
  if (!reference) {
    throw new CheckInputError(`${where}: destination.bucket = ${JSON.stringify(destination.bucket)}: must be qcs::cos:<region>::<bucket>`);
  }
  const filter = attributes.filter ?? {};
  const period = filter.period ?? {};
  const time = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));
  const startTime = time(period.start_time);
  const endTime = time(period.end_time);
  const prefix = typeof filter.prefix === 'string' && filter.prefix !== '' ? filter.prefix : undefined;
  const hasPeriod = startTime !== undefined || endTime !== undefined;
  return {
    version: 1,
    service: 'cos',
    bucket: attributes.bucket,
    region: reference[1],
    id: attributes.name,
    enabled: String(attributes.is_enabled) === 'true',
    frequency: attributes.schedule?.frequency,
    includedObjectVersions: attributes.included_object_versions,
    optionalFields: attributes.optional_fields?.fields ?? [],
    filter: prefix !== undefined || hasPeriod ? { prefix, period: hasPeriod ? { startTime, endTime } : undefined } : undefined,
    destination: {
      bucket: reference[2],
      prefix: destination.prefix || undefined,
      accountId: destination.account_id || undefined,
      encryption: destination.encryption !== undefined && destination.encryption !== null,
    },
  };
}

/** A declared config must be one the handler would put, whoever manages it: the check may put it back. */
function checkedSpec(spec: ManagedInventorySpec | undefined, where: string): ManagedInventorySpec {
  const shape = schemaProblems(CONFIG_SCHEMA, spec);
  const problems = shape.length > 0 ? shape : configProblems(spec!);
  if (problems.length > 0) throw new CheckInputError(`${where}: the declared config is refused:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
  return spec!;
}

/** The configs the resources of a state hold, for `check --state FILE` without a stack. */
export function configsInState(state: StateSource): DeclaredConfig[] {
  const configs: DeclaredConfig[] = [];
  for (const resource of state.document.resources) {
    if (resource.mode !== 'managed' || (resource.type !== HANDLER_TYPE && resource.type !== PROVIDER_TYPE)) continue;
    for (const instance of resource.instances.filter((i) => !i.deposed)) {
      const address = `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}${instance.index_key !== undefined ? `[${JSON.stringify(instance.index_key)}]` : ''}`;
      const attributes = instance.attributes ?? {};
      let spec: ManagedInventorySpec | undefined;
      const reconcile = resource.type === HANDLER_TYPE ? (stateInput(attributes) as { reconcile?: { configs?: Record<string, unknown> } } | undefined)?.reconcile : undefined;
      if (reconcile) {
        for (const [label, config] of Object.entries(reconcile.configs ?? {})) {
          const where = `${address}[${JSON.stringify(label)}]`;
          configs.push({ resource: where, managedBy: 'handler', spec: checkedSpec(config as ManagedInventorySpec, where) });
        }
        continue;
      }
      if (resource.type === HANDLER_TYPE) {
        const config = (stateInput(attributes) as { config?: unknown } | undefined)?.config;
        spec = (typeof config === 'string' ? parseJson(config, `${address}: input.config is not JSON`) : config) as ManagedInventorySpec | undefined;
        if (spec === null || typeof spec !== 'object' || !('service' in spec)) continue;
      } else {
        spec = providerSpec(providerAttributes(attributes), address);
      }
      configs.push({ resource: address, managedBy: resource.type === HANDLER_TYPE ? 'handler' : 'provider', spec: checkedSpec(spec, address) });
    }
  }
  return configs;
}

/** The ledgers of the reconcilers a state holds, for `check --state FILE` without a stack. */
function ledgersInState(state: StateSource): DeclaredLedger[] {
  return state.document.resources.filter((resource) => resource.mode === 'managed' && resource.type === HANDLER_TYPE).flatMap((resource) =>
    resource.instances.filter((i) => !i.deposed).flatMap((instance) => {
      const reconcile = (stateInput(instance.attributes ?? {}) as { reconcile?: { service?: unknown; ledger?: unknown } } | undefined)?.reconcile;
      return reconcile ? [ledgerOf(`${resource.module ? `${resource.module}.` : ''}${HANDLER_TYPE}.${resource.name}`, reconcile.service, reconcile.ledger)] : [];
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Checking and repairing.

export interface CheckDependencies extends Omit<ManagedDependencies, 'api'> {
  /** The API for a config's service and region; may throw (missing credentials). */
  readonly apiFor: (service: InventoryService, region: string) => InventoryConfigApi;
  /** One line of the report. */
  readonly print: (line: string) => void;
}

/** What `check` found for one config: a line of the report, and an element of `check --json`. */
export interface ConfigCheck {
  /** The Terraform resource address. */
  readonly address: string;
  readonly service: InventoryService;
  readonly bucket: string;
  readonly region: string;
  readonly id: string;
  /** Who puts the config: the provider resource or the bundled handler. */
  readonly path: ConfigOwner;
  /** `failed`: the config could not be read (see `error`). */
  readonly status: 'matches' | 'drifted' | 'missing' | 'failed';
  /** Each differing field with its declared and live value (absent where a side has none). */
  readonly differences: Difference[];
  /** With repair, for a drifted or missing config: whether it was put back and read back. */
  readonly repaired?: boolean;
  /** Why the read or the repair failed. */
  readonly error?: string;
}

export interface CheckResult {
  readonly exitCode: number;
  readonly checked: number;
  readonly matching: number;
  readonly drifted: number;
  readonly missing: number;
  readonly repaired: number;
  readonly failed: number;
  readonly configs: ConfigCheck[];
}

/** Drift and failed requests both show in the exit code: a failure on one config never hides drift on another. */
function checkExitCode(failed: boolean, drift: boolean): number {
  if (failed) return drift ? CHECK_EXIT.driftAndRequestFailed : CHECK_EXIT.requestFailed;
  return drift ? CHECK_EXIT.drift : CHECK_EXIT.inSync;
}

function label(spec: ManagedInventorySpec): string {
  return `${spec.service} ${spec.bucket} ${spec.id}`;
}

/** Reads one config and compares it in its owner's form; prints what it found. */
async function checkOne({ spec, resource, managedBy }: DeclaredConfig, deps: CheckDependencies): Promise<{ check: ConfigCheck; api?: InventoryConfigApi }> {
  const base = { address: resource, service: spec.service, bucket: spec.bucket, region: spec.region, id: spec.id, path: managedBy, differences: [] };
  const failed = (error: string) => {
    deps.print(`${label(spec)}: ${error}`);
    return { check: { ...base, status: 'failed' as const, error } };
  };
  let api: InventoryConfigApi;
  try {
    api = deps.apiFor(spec.service, spec.region);
  } catch (err) {
    return failed((err as Error).message);
  }
  let live: ComparableConfig | undefined;
  try {
    live = await withRetries(() => api.read(spec), deps.retry ?? DEFAULT_RETRY, {
      sleep: deps.sleep, random: deps.random,
      onRetry: (attempt, delayMs, err) => deps.log(`attempt ${attempt} failed (${describeServiceError(err)}); retrying in ${delayMs} ms`),
    });
  } catch (err) {
    return failed(`GET Bucket inventory failed: ${describeServiceError(err)}`);
  }
  if (live === undefined) {
    deps.print(`${label(spec)}: missing`);
    return { check: { ...base, status: 'missing' }, api };
  }
  const differences = compareConfigs(api.expected(spec, managedBy), live, managedBy);
  if (differences.length === 0) deps.print(`${label(spec)}: matches (${resource})`);
  for (const difference of differences) deps.print(`${label(spec)}: ${describeDifference(difference)}`);
  return { check: { ...base, status: differences.length === 0 ? 'matches' : 'drifted', differences }, api };
}

/** Puts a drifted or missing config back in its owner's form and reads it back. */
async function repairOne(config: DeclaredConfig, check: ConfigCheck, api: InventoryConfigApi, deps: CheckDependencies): Promise<ConfigCheck> {
  try {
    await putAndVerify(config.spec, { ...deps, api }, config.managedBy);
    deps.print(`${label(config.spec)}: repaired: put the declared config and read it back`);
    return { ...check, repaired: true };
  } catch (err) {
    deps.print(`${label(config.spec)}: repair failed: ${(err as Error).message}`);
    return { ...check, repaired: false, error: (err as Error).message };
  }
}

/**
 * Reads every config and prints one line per differing field (`missing` for a config that is gone), then a summary.
 * With `repair`, puts each drifted or missing config back, in the form its owner puts it (so the provider's next
 * plan is empty too), and reads it back. Request failures are reported and counted, and the other configs are still
 * checked.
 */
export async function checkConfigs(configs: DeclaredConfig[], repair: boolean, deps: CheckDependencies): Promise<CheckResult> {
  const checks: ConfigCheck[] = [];
  for (const config of configs) {
    const { check, api } = await checkOne(config, deps);
    checks.push(repair && api && (check.status === 'drifted' || check.status === 'missing') ? await repairOne(config, check, api, deps) : check);
  }
  const count = (test: (check: ConfigCheck) => boolean) => checks.filter(test).length;
  const counts = {
    matching: count((c) => c.status === 'matches'),
    drifted: count((c) => c.status === 'drifted'),
    missing: count((c) => c.status === 'missing'),
    repaired: count((c) => c.repaired === true),
    failed: count((c) => c.status === 'failed' || c.repaired === false),
  };
  const unrepaired = counts.drifted + counts.missing - counts.repaired;
  const exitCode = checkExitCode(counts.failed > 0, unrepaired > 0);
  const parts = [`${counts.matching} match`, `${counts.drifted} drifted`, `${counts.missing} missing`];
  if (repair) parts.push(`${counts.repaired} repaired`);
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  deps.print(`checked ${configs.length} inventory config(s): ${parts.join(', ')}`);
  return { exitCode, checked: configs.length, ...counts, configs: checks };
}

export interface LedgerCheckDependencies extends CheckDependencies {
  /** The ledger object at `location`; may throw (missing credentials). */
  readonly ledgerFor: (service: InventoryService, location: LedgerLocation) => LedgerStore;
}

export interface LedgerCheckResult {
  readonly exitCode: number;
  /** Configs the stack put, no longer declares, and still on their bucket. */
  readonly undeclared: number;
  readonly deleted: number;
  readonly failed: number;
}

/**
 * Reads each reconciler's ledger and prints, as `undeclared`, every config the handler put there that the stack no
 * longer declares and that is still on its bucket (an apply that failed or has not run since it was removed from the
 * code). With `repair`, deletes them. Exit code as for drift.
 */
export async function checkLedgers(ledgers: DeclaredLedger[], declared: DeclaredConfig[], repair: boolean, deps: LedgerCheckDependencies): Promise<LedgerCheckResult> {
  const counts = { undeclared: 0, deleted: 0, failed: 0 };
  const failed = (line: string) => {
    counts.failed++;
    deps.print(line);
  };
  for (const { resource, service, location } of ledgers) {
    const keys = new Set(declared.filter((config) => config.spec.service === service).map((config) => configKey(config.spec)));
    let targets: ManagedInventoryTarget[];
    let ledgerName = `${service}://${location.bucket}/${location.key}`;
    try {
      const store = deps.ledgerFor(service, location);
      ledgerName = store.name;
      const ledger = await readLedger({ ...deps, api: deps.apiFor(service, location.region), ledger: store });
      targets = ledger ? undeclaredInLedger(ledger, keys) : [];
    } catch (err) {
      failed(`${resource}: ${(err as Error).message}`);
      continue;
    }
    for (const target of targets) {
      const name = `${target.service} ${target.bucket} ${target.id}`;
      try {
        const api = deps.apiFor(target.service, target.region);
        if ((await withRetries(() => api.read(target), deps.retry ?? DEFAULT_RETRY, { sleep: deps.sleep, random: deps.random })) === undefined) continue;
        counts.undeclared++;
        deps.print(`${name}: undeclared: this stack put it (${ledgerName}) and no longer declares it; the next apply deletes it${repair ? '' : ', or --repair now'}`);
        if (!repair) continue;
        await deleteConfig(target, { ...deps, api });
        counts.deleted++;
        deps.print(`${name}: repaired: deleted`);
      } catch (err) {
        failed(`${name}: ${(err as Error).message}`);
      }
    }
  }
  const exitCode = counts.failed > 0 ? CHECK_EXIT.requestFailed : counts.undeclared > counts.deleted ? CHECK_EXIT.drift : CHECK_EXIT.inSync;
  if (ledgers.length > 0) {
    deps.print(`checked ${ledgers.length} ledger(s): ${counts.undeclared} undeclared${repair ? `, ${counts.deleted} deleted` : ''}${counts.failed > 0 ? `, ${counts.failed} failed` : ''}`);
  }
  return { exitCode, ...counts };
}

/** The exit code of a run of several checks: bad input first; a failed request and drift both show (4 when both). */
export function combinedExitCode(...codes: number[]): number {
  if (codes.includes(CHECK_EXIT.badInput)) return CHECK_EXIT.badInput;
  const failed = codes.some((code) => code === CHECK_EXIT.requestFailed || code === CHECK_EXIT.driftAndRequestFailed);
  const drift = codes.some((code) => code === CHECK_EXIT.drift || code === CHECK_EXIT.driftAndRequestFailed);
  return checkExitCode(failed, drift);
}
