import * as v from 'valibot';
import { assertSameCore, Construct, IConstruct, TerraformResource, TerraformStack } from '../core';
import { schemaProblems } from '../contract/document';
import { normalizeConfig } from '../contract/normalize';
import { checkBoolean, checkOneOf, FREQUENCIES } from '../contract/rules/choices';
import { checkInventoryId } from '../contract/rules/inventory-id';
import { Problem, throwIfProblems } from '../contract/rules/problem';
import { CONFIG_SCHEMA, InventoryService, ManagedInventorySpec } from '../contract/spec';
import { DeclaredConfig, DestinationConfigs } from './inventory-configs';
import { PeriodicInventoryOptions } from './inventory-options';
import { claimConfig } from './validation/config-claims';
import { claimedPrefix, known } from './validation/known';
import { checkPropsShape, reference, text } from './validation/props';

/** What the shared skeleton reads of a destination, whichever service. */
interface PeriodicDestination extends IConstruct {
  readonly bucketName: string;
  readonly region: string;
  readonly reportPrefix: string;
  readonly policy?: TerraformResource;
  allowInventoryReportsFrom(source: { readonly bucketName: string; readonly reportPrefix?: string }): string;
}

/** What the shared skeleton reads of a periodic inventory's props, whichever service. */
export interface PeriodicInventoryProps extends PeriodicInventoryOptions {
  readonly destination: PeriodicDestination;
  readonly bucketName: string;
  readonly region?: string;
  readonly optionalFields?: string[];
}

/** The shapes of the props every periodic inventory takes besides its options, given the service's handler options. */
export function periodicSourceProps(handlerOptions: v.GenericSchema) {
  return { destination: reference, bucketName: text, region: v.optional(text), handler: v.optional(handlerOptions) };
}

/** What a service's periodic inventory tells the shared skeleton (methods: each takes the service's own props). */
export interface PeriodicService {
  readonly service: InventoryService;
  readonly propsSchema: v.GenericSchema;
  /** What the config's destination says besides bucket and prefix (COS: the account and report encryption). */
  destinationExtras(props: PeriodicInventoryProps): { readonly accountId?: string; readonly encryption?: boolean };
  /** The service's own rules on the props, given the region and report prefix in effect. */
  problems(props: PeriodicInventoryProps, region: string, reportPrefix: string): Problem[];
  /** The service's rules on the config's options, named after the shared ones (inventory id, frequency, enabled). */
  optionProblems?(props: PeriodicInventoryProps, reportPrefix: string): Problem[];
  /** The source as the destination grants it (COS adds the APPID). */
  reportSource(props: PeriodicInventoryProps, reportPrefix: string): { readonly bucketName: string; readonly reportPrefix?: string };
}

/** A periodic inventory as both services declare it, before the service decides who puts it. */
export interface PeriodicInventory {
  /** The normalized config: what the handler or the provider resource puts. */
  readonly spec: ManagedInventorySpec;
  /** Where in the destination bucket the reports land. */
  readonly reportPath: string;
  /** The destination's policy: the service writes the first report soon after the config is put. */
  readonly dependsOn: TerraformResource[];
  /** The destination's reconciler, and the config as declared to it. */
  readonly configs: DestinationConfigs;
  readonly declared: DeclaredConfig;
}

/**
 * The skeleton of a periodic inventory, COS or OBS: props checked, the config normalized, every rule on it checked
 * at synth time (the service's, the shared ones, the stack-wide claims, the handler's own schema), and the report
 * writes granted at the destination.
 */
export function declarePeriodicInventory(scope: Construct, props: PeriodicInventoryProps, service: PeriodicService): PeriodicInventory {
  assertSameCore(scope);
  checkPropsShape(scope.node.path, `${service.service}.BucketInventory`, 'inventory', service.propsSchema, props);
  const destination = props.destination;
  const region = props.region ?? destination.region;
  const reportPrefix = props.reportPrefix ?? destination.reportPrefix;
  const spec = normalizeConfig({
    service: service.service,
    bucket: props.bucketName,
    region,
    id: props.inventoryId,
    enabled: props.enabled,
    frequency: props.frequency,
    includedObjectVersions: props.includedObjectVersions,
    optionalFields: props.optionalFields,
    filter: props.filter,
    destination: { bucket: destination.bucketName, prefix: reportPrefix, ...service.destinationExtras(props) },
  });
  throwIfProblems(scope.node.path, [
    ...service.problems(props, region, reportPrefix),
    ...checkInventoryId('inventoryId', known(spec.id)),
    ...checkOneOf('frequency', known(props.frequency), FREQUENCIES),
    ...checkBoolean('enabled', known(props.enabled)),
    ...checkBoolean('adoptExisting', known(props.adoptExisting)),
    ...(service.optionProblems?.(props, reportPrefix) ?? []),
    ...claimConfig(TerraformStack.of(scope), {
      service: service.service, bucket: props.bucketName, id: known(spec.id), prefix: claimedPrefix(props.filter?.prefix), owner: scope.node.path,
    }),
  ]);
  // The handler's own schema, on what is known at synth time (tokens pass as the strings and numbers they stand for).
  throwIfProblems(scope.node.path, schemaProblems(CONFIG_SCHEMA, spec));

  const sourcePath = destination.allowInventoryReportsFrom(service.reportSource(props, reportPrefix));
  return {
    spec,
    reportPath: `${sourcePath}/${spec.id}`,
    dependsOn: destination.policy ? [destination.policy] : [],
    configs: DestinationConfigs.of(destination, service.service, destination.bucketName, destination.region),
    declared: { spec, adoptExisting: props.adoptExisting ?? false, owner: scope.node.path },
  };
}
