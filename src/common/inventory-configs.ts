import { Construct, IConstruct, Lazy, TerraformResource, TerraformStack, Token } from '../core';
import { DEFAULTS } from '../contract/defaults';
import { GENERATION_VARIABLE, KEEP_VARIABLE, RECONCILE_SLICE_BYTES, RECONCILE_VARIABLE, reconcileSliceVariable, ReconcileMap } from '../contract/environment';
import { throwIfProblems } from '../contract/rules/problem';
import { configKey, InventoryService, ManagedInventorySpec, ReconcileSpec } from '../contract/spec';
import { handlerProvisioner } from './handler-provisioner';
import { TerraformData, TerraformDataConfig } from './terraform-data';
import { literalTemplate, literalTemplates } from './terraform-literal';

/** How the handler runs for a destination's configs: `node` and endpoint settings (never credentials). */
export interface ReconcilerRun {
  readonly nodeExecutable?: string;
  /** Endpoint settings for the handler (private endpoints, tests). */
  readonly environment?: Record<string, string>;
}

/** One config a construct declares at a destination. */
export interface DeclaredConfig {
  readonly spec: ManagedInventorySpec;
  /** Put over a config of the same id this stack did not put. */
  readonly adoptExisting: boolean;
  /** The construct declaring it, named in errors. */
  readonly owner: string;
  /**
   * The address a provider resource for it would have: written as a `removed { lifecycle { destroy = false } }` block,
   * so that when the config moves from the provider to the handler Terraform forgets the provider's resource instead
   * of deleting the config the handler puts in the same apply (a no-op where no such resource was ever applied).
   */
  readonly providerAddress?: string;
}

const CONSTRUCT_ID = 'InventoryConfigs';

/** Every `DestinationConfigs` of a stack, so each knows what the others declare. */
const byStack = new WeakMap<IConstruct, DestinationConfigs[]>();

/**
 * Every periodic config this stack declares for one destination, reconciled by ONE built-in `terraform_data`: its
 * `input` is the declared set, keyed `<bucket>/<id>` so a plan names the configs that change, and any change replaces
 * it (`create_before_destroy`), which runs the handler's `reconcile` once: it puts what differs, refuses to overwrite
 * a config this stack did not put, deletes what its ledger (an object in the destination bucket) lists and nothing
 * declares any more, and records the declared set. Its destroy-time provisioner (`release`) deletes them all on
 * `terraform destroy`; Terraform runs none for the replaced object, so a change never deletes.
 *
 * When the destination has no config left, the same address is written as a `removed` block carrying that `release`
 * provisioner: removing the last config from the code still deletes it (and is a no-op where it never existed).
 */
export class DestinationConfigs extends Construct {
  /** The destination's reconciler, made with it so that it exists (as a `removed` block) before any config. */
  public static of(destination: IConstruct, service: InventoryService, ledgerBucket: string, ledgerRegion: string): DestinationConfigs {
    const existing = destination.node.tryFindChild(CONSTRUCT_ID) as DestinationConfigs | undefined;
    return existing ?? new DestinationConfigs(destination, service, ledgerBucket, ledgerRegion);
  }

  /** Makes the reconciler of `destination` apply after `resource`: the destination bucket, which holds the ledger. */
  public static waitFor(destination: IConstruct, resource: TerraformResource): void {
    (destination.node.findChild(CONSTRUCT_ID) as DestinationConfigs).dependencies.add(resource);
  }

  /** The reconciling `terraform_data`. */
  public readonly resource: TerraformResource;
  private readonly handled = new Map<string, DeclaredConfig>();
  private readonly provided = new Map<string, DeclaredConfig>();
  private run?: ReconcilerRun & { owner: string };
  /** What the configs wait for (the destination policy): the reconciler applies after it. */
  private readonly dependencies = new Set<TerraformResource>();

  private constructor(destination: IConstruct, private readonly service: InventoryService, ledgerBucket: string, ledgerRegion: string) {
    super(destination, CONSTRUCT_ID);
    const stack = TerraformStack.of(this);
    byStack.set(stack, [...(byStack.get(stack) ?? []), this]);
    // Rendered for `input` and `triggers_replace` alike: made once per set of configs (configs are only ever added).
    let rendered: { size: number; document: unknown } | undefined;
    const produce = () => {
      const size = this.handled.size + this.provided.size;
      if (rendered?.size !== size) rendered = { size, document: literalTemplates(this.document(ledgerBucket, ledgerRegion, stack.node.id)) };
      return rendered.document;
    };
    const input = { reconcile: Lazy.anyValue({ produce }) };
    this.resource = new ReconcilerData(this, 'Reconciler', { input, triggersReplace: input, lifecycle: { createBeforeDestroy: true }, provisioners: [] }, () => ({
      empty: this.handled.size + this.provided.size === 0,
      // Handler options are known once a config is added, so the provisioners are made at synth time.
      provisioners: [this.provisioner('reconcile'), this.provisioner('release', 'destroy')],
      dependsOn: [...this.dependencies].map((resource) => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`),
      forgotten: [...this.handled.values()].flatMap((config) => (config.providerAddress ? [config.providerAddress] : [])),
    }));
  }

  /** Declares a config the handler puts; returns the reconciler, the resource that puts it. */
  public addHandled(config: DeclaredConfig, run: ReconcilerRun, dependsOn: TerraformResource[] = []): TerraformResource {
    this.checkSameRun(config.owner, run);
    this.handled.set(this.labelOf(config), config);
    for (const resource of dependsOn) this.dependencies.add(resource);
    return this.resource;
  }

  /**
   * Declares a config a provider resource puts: the reconciler checks, before that resource runs, that it overwrites
   * nothing this stack did not put, and records it, so that moving it to the handler later overwrites it in place.
   */
  public addProvided(config: DeclaredConfig): void {
    this.provided.set(this.labelOf(config), config);
  }

  /** A label unique in the stack: `<bucket>/<id>` when both are known now, else the declaring construct's path. */
  private labelOf(config: DeclaredConfig): string {
    const known = !Token.isUnresolved(config.spec.bucket) && !Token.isUnresolved(config.spec.id);
    return known ? configKey(config.spec) : config.owner;
  }

  /** One handler process runs every config of the destination, so they must agree on how it runs. */
  private checkSameRun(owner: string, run: ReconcilerRun): void {
    const same = (a: ReconcilerRun, b: ReconcilerRun) => a.nodeExecutable === b.nodeExecutable && JSON.stringify(a.environment ?? {}) === JSON.stringify(b.environment ?? {});
    if (this.run === undefined) {
      this.run = { ...run, owner };
    } else if (!same(this.run, run)) {
      throwIfProblems(owner, [{
        field: 'handler', value: run,
        rule: `differs from the handler options of ${this.run.owner}: one handler run reconciles every config of a destination, so they must share handler options`,
      }]);
    }
  }

  private document(bucket: string, region: string, stackName: string): ReconcileSpec {
    const specs = (configs: Map<string, DeclaredConfig>) => Object.fromEntries([...configs].map(([label, config]) => [label, config.spec]));
    return {
      version: 1,
      service: this.service,
      ledger: { bucket, region, key: `${DEFAULTS.ledgerDirectory}/${stackName}.json` },
      configs: specs(this.handled),
      provider: specs(this.provided),
      adopt: [...this.handled.values(), ...this.provided.values()].filter((config) => config.adoptExisting).map((config) => configKey(config.spec)),
    };
  }

  /**
   * `<bucket>/<id>` of every config of the same service the rest of the stack declares (other destinations, handler or
   * provider): a config moving there is not deleted here.
   */
  private keep(): string[] {
    const others = (byStack.get(TerraformStack.of(this)) ?? []).filter((configs) => configs !== this && configs.service === this.service);
    const declared = others.flatMap((configs) => [...configs.handled.values(), ...configs.provided.values()]);
    return [...new Set(declared.map((config) => configKey(config.spec)))];
  }

  private provisioner(command: 'reconcile' | 'release', when?: 'destroy') {
    return handlerProvisioner(this, {
      command,
      when,
      nodeExecutable: this.run?.nodeExecutable,
      settings: this.run?.environment,
      environment: {
        [RECONCILE_VARIABLE]: '${jsonencode(merge(self.input.reconcile, { configs = {}, provider = {} }))}',
        // `release` needs the ledger only, and may run on a state whose input has fewer configs than the code.
        ...(command === 'reconcile' ? { ...slices('configs', this.handled), ...slices('provider', this.provided) } : {}),
        [GENERATION_VARIABLE]: '${self.id}',
        [KEEP_VARIABLE]: literalTemplate(JSON.stringify(this.keep())),
      },
    });
  }
}

/**
 * The environment variables that hand a config map over in slices of about `RECONCILE_SLICE_BYTES`, each the configs
 * of a range of its keys (Terraform's `keys` are sorted), read from `self.input` like the rest of the document.
 */
function slices(map: ReconcileMap, configs: Map<string, DeclaredConfig>): Record<string, string> {
  const sizes = [...configs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, config]) => label.length + JSON.stringify(config.spec).length);
  const bounds: number[] = [];
  let bytes = 0;
  sizes.forEach((size, index) => {
    if (index > 0 && bytes + size > RECONCILE_SLICE_BYTES) {
      bounds.push(index);
      bytes = 0;
    }
    bytes += size;
  });
  const starts = sizes.length === 0 ? [] : [0, ...bounds];
  return Object.fromEntries(starts.map((start, index) => [reconcileSliceVariable(map, index),
    `\${jsonencode({ for k in slice(keys(self.input.reconcile.${map}), ${start}, ${bounds[index] ?? sizes.length}) : k => self.input.reconcile.${map}[k] })}`]));
}

/** What the reconciler renders, decided at synth time once every config is declared. */
interface ReconcilerShape {
  readonly empty: boolean;
  readonly provisioners: ReturnType<typeof handlerProvisioner>[];
  /** Addresses, as `depends_on` takes them. */
  readonly dependsOn: string[];
  /** Addresses of provider resources to forget (`removed`, `destroy = false`). */
  readonly forgotten: string[];
}

/**
 * The reconciler's `terraform_data`, or, while its destination has no config, a `removed` block for the same address
 * whose destroy-time provisioner is the resource's own: Terraform then deletes the configs a previous apply put.
 */
class ReconcilerData extends TerraformData {
  constructor(scope: Construct, id: string, config: TerraformDataConfig, private readonly shape: () => ReconcilerShape) {
    super(scope, id, config);
  }

  public toTerraform(): any {
    const { empty, provisioners, dependsOn, forgotten } = this.shape();
    this.provisioners = provisioners;
    this.dependsOn = dependsOn.length > 0 ? dependsOn : undefined;
    if (!empty) {
      const removed = forgotten.map((from) => ({ from, lifecycle: { destroy: false } }));
      return { ...super.toTerraform(), ...(removed.length > 0 ? { removed } : {}) };
    }
    const { type, ...release } = provisioners.find((provisioner) => provisioner.when === 'destroy')!;
    return { removed: [{ from: `terraform_data.${this.friendlyUniqueId}`, lifecycle: { destroy: true }, provisioner: [{ [type]: release }] }] };
  }
}
