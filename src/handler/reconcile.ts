// One reconciling run over every config a stack declares for one destination: put what differs, refuse to overwrite
// what the stack did not put, delete what it put earlier and no longer declares. What it put is kept in a ledger, an
// object in the destination bucket, written before any PUT and after the last DELETE.
import { configKey, ManagedInventorySpec, ManagedInventoryTarget, ReconcileSpec } from '../contract/spec';
import { compareConfigs, deleteConfig, failingAs, hooksFor, ManagedDependencies, putAndVerify, where } from './managed-inventory';
import { DEFAULT_RETRY, withRetries } from './retry';

/** The ledger object of one stack in one destination bucket. */
export interface LedgerStore {
  /** Where it is, for messages. */
  readonly name: string;
  /** The object's text; `undefined` when there is none. */
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

/** One config a ledger lists, and who puts it: the handler deletes only its own; a provider resource deletes its own. */
export interface LedgerEntry extends ManagedInventoryTarget {
  readonly by: 'handler' | 'provider';
}

/** What a ledger holds: the configs the stack declared at this destination, or may have put, by `<bucket>/<id>`. */
export interface Ledger {
  readonly version: 1;
  /** The id of the `terraform_data` that wrote it last. */
  readonly generation: string;
  readonly configs: Record<string, LedgerEntry>;
}

export interface ReconcileDependencies extends ManagedDependencies {
  readonly ledger: LedgerStore;
  /** How many configs are read or put at once. */
  readonly concurrency?: number;
}

/** What one run did, by `<bucket>/<id>`. */
export interface ReconcileOutcome {
  readonly put: string[];
  readonly unchanged: string[];
  readonly deleted: string[];
}

/** COS and OBS answer many requests at once; 16 keeps a thousand configs to seconds without a burst that throttles. */
const DEFAULT_CONCURRENCY = 16;

/** The ledger, `undefined` when there is none; one this handler did not write is refused. */
export async function readLedger(deps: ReconcileDependencies): Promise<Ledger | undefined> {
  const text = await failingAs(`GET Object ${deps.ledger.name}`, undefined, withRetries(() => deps.ledger.read(), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
  if (text === undefined) return undefined;
  try {
    const ledger = JSON.parse(text) as Ledger;
    if (ledger.version === 1 && typeof ledger.configs === 'object' && ledger.configs !== null) return ledger;
  } catch {
    // Reported below, as any ledger this handler did not write.
  }
  throw new Error(`the ledger ${deps.ledger.name} is not one this handler wrote; move it away to start a new one (configs this stack put earlier are then no longer deleted when removed)`);
}

async function writeLedger(ledger: Ledger, deps: ReconcileDependencies): Promise<void> {
  await failingAs(`PUT Object ${deps.ledger.name}`, undefined, withRetries(() => deps.ledger.write(`${JSON.stringify(ledger, null, 1)}\n`), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
}

/** Runs `work` over `items`, at most `limit` at a time; every item is tried, and the first failure is thrown at the end. */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item).catch((err: unknown) => failures.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(`${failures.length} configs failed:\n${failures.map((err) => `  ${(err as Error).message}`).join('\n')}`);
}

function entryOf(spec: ManagedInventorySpec, by: LedgerEntry['by']): LedgerEntry {
  return { version: spec.version, service: spec.service, bucket: spec.bucket, region: spec.region, id: spec.id, by };
}

/** Entries the handler put and may delete. */
function handlerEntries(configs: Record<string, LedgerEntry>): Array<[string, LedgerEntry]> {
  return Object.entries(configs).filter(([, entry]) => entry.by === 'handler');
}

function targetOf(entry: LedgerEntry): ManagedInventoryTarget {
  const { by, ...target } = entry;
  return target;
}

/** What a live config is to this run: none there, the declared one already, or another one. */
type Found = 'absent' | 'same' | 'different';

async function look(spec: ManagedInventorySpec, deps: ReconcileDependencies): Promise<Found> {
  const live = await failingAs('GET Bucket inventory', spec, withRetries(() => deps.api.read(spec), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
  if (live === undefined) return 'absent';
  return compareConfigs(deps.api.expected(spec), live).length === 0 ? 'same' : 'different';
}

function ownershipError(spec: ManagedInventorySpec): Error {
  return new Error(`${where(spec)} already exists with another config, and this stack did not put it (it is not in the ledger): `
    + 'it is not overwritten. To replace it and manage it from now on, set adoptExisting: true on this inventory '
    + '(or on the CentralInventory source); to keep it, give this inventory another inventoryId');
}

/**
 * Puts every declared handler-managed config that differs from the live one, after checking that each existing config
 * it would replace is this stack's (in the ledger), the same already, or adopted; checks provider-managed configs the
 * same way before their resource puts them. Then deletes what the ledger lists and nothing declares any more, `keep`
 * excepted (configs this stack declares at another destination or through a provider resource), and writes the
 * ledger: declared configs and kept ones.
 */
export async function reconcile(spec: ReconcileSpec, generation: string, keep: readonly string[], deps: ReconcileDependencies): Promise<ReconcileOutcome> {
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const previous = (await readLedger(deps))?.configs ?? {};
  const handled = Object.values(spec.configs);
  const declared = [...handled, ...Object.values(spec.provider)];
  const adopt = new Set(spec.adopt);

  const found = new Map<string, Found>();
  await eachLimited(declared, concurrency, async (config) => {
    found.set(configKey(config), await look(config, deps));
  });
  const refused = declared.filter((config) => found.get(configKey(config)) === 'different' && !(configKey(config) in previous) && !adopt.has(configKey(config)));
  if (refused.length > 0) throw new Error(refused.map((config) => ownershipError(config).message).join('\n'));

  const declaredTargets: Record<string, LedgerEntry> = Object.fromEntries([
    ...Object.values(spec.provider).map((config) => [configKey(config), entryOf(config, 'provider')]),
    ...handled.map((config) => [configKey(config), entryOf(config, 'handler')]),
  ]);
  // Written before any PUT: an apply interrupted halfway still knows everything it may have put.
  await writeLedger({ version: 1, generation, configs: { ...previous, ...declaredTargets } }, deps);

  const changed = handled.filter((config) => found.get(configKey(config)) !== 'same');
  await eachLimited(changed, concurrency, (config) => putAndVerify(config, deps));

  const kept = new Set(keep);
  // A provider-managed config that left the code is deleted by its resource; only the handler's own are deleted here.
  const stale = handlerEntries(previous).filter(([key]) => !(key in declaredTargets) && !kept.has(key));
  await eachLimited(stale, concurrency, ([, entry]) => deleteConfig(targetOf(entry), deps));

  const retained = Object.fromEntries(Object.entries(previous).filter(([key]) => kept.has(key) && !(key in declaredTargets)));
  await writeLedger({ version: 1, generation, configs: { ...retained, ...declaredTargets } }, deps);
  const outcome = {
    put: changed.map(configKey),
    unchanged: handled.filter((config) => found.get(configKey(config)) === 'same').map(configKey),
    deleted: stale.map(([key]) => key),
  };
  deps.log(`reconciled ${handled.length} handler-managed config(s) with ${deps.ledger.name}: ${outcome.put.length} put, ${outcome.unchanged.length} unchanged, `
    + `${outcome.deleted.length} deleted${declared.length > handled.length ? `; ${declared.length - handled.length} provider-managed recorded` : ''}`);
  return outcome;
}

/**
 * The end of a reconciler (a `terraform destroy`, or every config of the destination removed from the code): deletes
 * what its ledger lists, `keep` and provider-managed configs excepted (the rest of the stack and the provider
 * resources own those), then removes the ledger. Does nothing when another generation wrote the ledger last: this one
 * was replaced, and the new one owns the configs.
 */
export async function release(generation: string, keep: readonly string[], deps: ReconcileDependencies): Promise<string[]> {
  const ledger = await readLedger(deps);
  if (ledger === undefined) {
    deps.log(`no ledger at ${deps.ledger.name}: nothing to delete`);
    return [];
  }
  if (ledger.generation !== generation) {
    deps.log(`the ledger ${deps.ledger.name} belongs to generation ${ledger.generation}, not this one (${generation}): nothing deleted`);
    return [];
  }
  const stale = handlerEntries(ledger.configs).filter(([key]) => !keep.includes(key));
  await eachLimited(stale, deps.concurrency ?? DEFAULT_CONCURRENCY, ([, entry]) => deleteConfig(targetOf(entry), deps));
  await failingAs(`DELETE Object ${deps.ledger.name}`, undefined, withRetries(() => deps.ledger.remove(), deps.retry ?? DEFAULT_RETRY, hooksFor(deps)));
  deps.log(`released ${deps.ledger.name}: ${stale.length} config(s) deleted`);
  return stale.map(([key]) => key);
}

/** Configs the handler put that no declared config accounts for: what `check` reports as left behind. */
export function undeclaredInLedger(ledger: Ledger, declared: ReadonlySet<string>): ManagedInventoryTarget[] {
  return handlerEntries(ledger.configs).filter(([key]) => !declared.has(key)).map(([, entry]) => targetOf(entry));
}

