import { Construct, DataResource, ITerraformDependable, TerraformResource } from './core';
import { handlerCommand } from './handler-asset';
import type { ManagedInventorySpec, ManagedInventoryTarget } from './handler/managed-inventory';

/** Props of {@link ManagedInventoryConfig}. */
export interface ManagedInventoryConfigProps {
  readonly spec: ManagedInventorySpec;
  /** Endpoint variables for the handler (private endpoints, tests); credentials never go here. */
  readonly environment?: Record<string, string>;
  readonly nodeExecutable?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A periodic inventory config the bundled handler owns through create, update and destroy, for configs no provider
 * resource can express (OBS inventories; COS inventories with a tag filter). Two built-in `terraform_data`:
 * - **owner** stores which config it is (service, bucket, region, id) on itself; its destroy-time provisioner
 *   deletes that config, reading only `self.input`. It is replaced, deleting the old config, only when the
 *   config's identity changes.
 * - **config** stores the whole config; its create-time provisioner puts it and reads it back, so a refused or
 *   drifting config fails the apply. Any change replaces it, which puts the new config once.
 * So an apply puts once, a content change puts once more, and a destroy deletes once.
 */
export class ManagedInventoryConfig extends Construct {
  /** The resource that puts the config. */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: ManagedInventoryConfigProps) {
    super(scope, id);
    const handler = handlerCommand(this, props.nodeExecutable);
    const { service, bucket, region, id: inventoryId } = props.spec;
    const target: ManagedInventoryTarget = { version: 1, service, bucket, region, id: inventoryId };
    const targetJson = JSON.stringify(target);
    const specJson = JSON.stringify(props.spec);
    const environment = props.environment ?? {};

    const owner = new DataResource(this, 'Owner', {
      input: { target: targetJson },
      triggersReplace: { target: targetJson },
      dependsOn: props.dependsOn,
      provisioners: [{
        type: 'local-exec',
        when: 'destroy',
        command: `${handler} delete`,
        // A destroy-time provisioner may read only its own resource: the target comes from what it stored.
        environment: { ...environment, COS_INVENTORY_TARGET: '${self.input.target}' },
      }],
    });
    this.resource = new DataResource(this, 'Config', {
      input: { config: specJson },
      triggersReplace: { config: specJson },
      dependsOn: [owner],
      provisioners: [{
        type: 'local-exec',
        command: `${handler} put`,
        environment: { ...environment, COS_INVENTORY_CONFIG: specJson },
      }],
    });
  }
}
