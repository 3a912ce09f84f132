import { schemaProblems } from './contract/document';
import { CONFIG_SCHEMA, ManagedInventorySpec } from './contract/spec';
import { Construct, TerraformResource, TerraformStack } from './core';
import { InventoryFrequency, InventoryObjectVersions } from './inventory-options';
import { ManagedInventoryConfig } from './managed-inventory-config';
import { ObsInventoryDestination } from './obs-inventory-destination';
import { checkInventoryId } from './contract/rules/inventory-id';
import { known, knownEach } from './validation/known';
import { claimObsConfig } from './validation/obs-bucket-configs';
import { checkObsBucketName } from './contract/rules/obs-bucket-name';
import { checkFilterPrefix, checkReportPrefix } from './contract/rules/object-prefix';
import { checkOptionalFields, OBS_OPTIONAL_FIELDS } from './contract/rules/optional-fields';
import { Problem, throwIfProblems } from './contract/rules/problem';
import { checkObsRegion, checkSameRegion } from './contract/rules/region';
import { checkBoolean, checkOneOf, FREQUENCIES, OBJECT_VERSIONS } from './contract/rules/choices';
import { OBS_CONNECT_TO_VARIABLE, OBS_ENDPOINT_VARIABLE } from './contract/environment';

/** The optional report columns of OBS inventories (`OptionalFields/Field`). */
export class ObsInventoryField {
  /** Object size in bytes. */
  public static readonly SIZE = 'Size';
  /** Last modification time. */
  public static readonly LAST_MODIFIED_DATE = 'LastModifiedDate';
  /** ETag. */
  public static readonly ETAG = 'ETag';
  /** Whether the object was uploaded in parts. */
  public static readonly IS_MULTIPART_UPLOADED = 'IsMultipartUploaded';
  /** Cross-region replication status. */
  public static readonly REPLICATION_STATUS = 'ReplicationStatus';

  private constructor() {}
}

/** Where the handler sends OBS requests, when not to the public endpoint of the region. */
export interface ObsEndpoint {
  /**
   * Endpoint URL replacing `https://obs.<region>.myhuaweicloud.com`, for example a private endpoint.
   * @default - the public endpoint of the region
   */
  readonly server?: string;
  /**
   * `host:port` to dial for every request while keeping the real Host header (as curl's --connect-to does).
   * @default - the endpoint's own address
   */
  readonly connectTo?: string;
}

/** Props of {@link ObsBucketInventory}. */
export interface ObsBucketInventoryProps {
  /** Where reports go; the bucket policy statement for the report prefix is added to it. */
  readonly destination: ObsInventoryDestination;
  /** Name of the source bucket. */
  readonly bucketName: string;
  /** Inventory id: at most 64 letters, digits, `-`, `.` and `_`, unique per bucket. */
  readonly inventoryId: string;
  /**
   * Region of the source bucket; OBS requires the destination in the same region (and account).
   * @default - the destination's region
   */
  readonly region?: string;
  /**
   * Whether OBS produces reports.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How often reports are produced.
   * @default InventoryFrequency.DAILY
   */
  readonly frequency?: InventoryFrequency;
  /**
   * Which object versions the report lists.
   * @default InventoryObjectVersions.CURRENT
   */
  readonly includedObjectVersions?: InventoryObjectVersions;
  /**
   * Extra columns, from `ObsInventoryField`, each at most once.
   * @default - none
   */
  readonly optionalFields?: string[];
  /**
   * List only objects whose name starts with this prefix. Prefixes of configs on one bucket must not contain each
   * other, and a config without prefix must be the bucket's only one.
   * @default - every object
   */
  readonly prefix?: string;
  /**
   * Report prefix in the destination bucket.
   * @default - the destination's `reportPrefix`
   */
  readonly reportPrefix?: string;
  /**
   * Report format; OBS supports only CSV.
   * @default 'CSV'
   */
  readonly format?: string;
  /**
   * Private endpoint, or the address to dial. `OBS_INVENTORY_ENDPOINT` and `OBS_INVENTORY_CONNECT_TO` in the
   * environment of `terraform apply` do the same without changing the stack.
   * @default - the public endpoint of the region
   */
  readonly endpoint?: ObsEndpoint;
  /**
   * The Node.js executable that runs the handler on the machine that applies the stack.
   * @default 'node'
   */
  readonly nodeExecutable?: string;
}

/**
 * A periodic Huawei Cloud OBS inventory config (PUT Bucket Inventory). No Terraform provider manages OBS
 * inventories, so the bundled handler does, through esdk-obs-nodejs: it puts the config and reads it back on create
 * and on every change, and deletes it on destroy (see `ManagedInventoryConfig`). Credentials come from
 * `HW_ACCESS_KEY`, `HW_SECRET_KEY` and `HW_SECURITY_TOKEN`, as the huaweicloud provider reads them.
 */
export class ObsBucketInventory extends Construct {
  /** The inventory id. */
  public readonly inventoryId: string;
  /** The `terraform_data` that puts the config. */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: ObsBucketInventoryProps) {
    super(scope, id);
    const destination = props.destination;
    const region = props.region ?? destination.region;
    const reportPrefix = props.reportPrefix ?? destination.reportPrefix;
    const format = props.format ?? 'CSV';
    this.inventoryId = props.inventoryId;
    throwIfProblems(this.node.path, [
      ...checkObsBucketName('bucketName', known(props.bucketName)),
      ...checkInventoryId('inventoryId', known(props.inventoryId)),
      ...checkObsRegion('region', known(region)),
      ...checkSameRegion('region', known(region), known(destination.region)),
      ...checkOneOf('frequency', known(props.frequency), FREQUENCIES),
      ...checkOneOf('includedObjectVersions', known(props.includedObjectVersions), OBJECT_VERSIONS),
      ...checkBoolean('enabled', known(props.enabled)),
      ...checkOptionalFields('optionalFields', knownEach(props.optionalFields ?? []), OBS_OPTIONAL_FIELDS),
      ...checkFilterPrefix('prefix', known(props.prefix)),
      ...checkReportPrefix('reportPrefix', known(reportPrefix)),
      ...checkFormat(format),
      ...claimObsConfig(TerraformStack.of(this), props.bucketName, known(props.inventoryId),
        known(props.prefix) === undefined && props.prefix !== undefined ? { known: false } : { known: true, value: props.prefix }, this.node.path),
    ]);

    destination.grantInventoryReports(reportPrefix);
    const spec: ManagedInventorySpec = {
      version: 1,
      service: 'obs',
      bucket: props.bucketName,
      region,
      id: props.inventoryId,
      enabled: props.enabled ?? true,
      frequency: props.frequency ?? InventoryFrequency.DAILY,
      includedObjectVersions: props.includedObjectVersions ?? InventoryObjectVersions.CURRENT,
      optionalFields: props.optionalFields ?? [],
      filter: props.prefix !== undefined ? { prefix: props.prefix } : undefined,
      destination: { bucket: destination.bucketName, prefix: reportPrefix },
    };
    throwIfProblems(this.node.path, schemaProblems(CONFIG_SCHEMA, spec));
    this.resource = new ManagedInventoryConfig(this, 'Managed', {
      nodeExecutable: props.nodeExecutable,
      environment: {
        ...(props.endpoint?.server ? { [OBS_ENDPOINT_VARIABLE]: props.endpoint.server } : {}),
        ...(props.endpoint?.connectTo ? { [OBS_CONNECT_TO_VARIABLE]: props.endpoint.connectTo } : {}),
      },
      // OBS writes reports only where the destination policy lets it.
      dependsOn: destination.policy ? [destination.policy] : undefined,
      spec,
    }).resource;
  }
}

function checkFormat(format: string): Problem[] {
  return known(format) === undefined || format === 'CSV' ? [] : [{ field: 'format', value: format, rule: 'OBS inventories support only CSV' }];
}
