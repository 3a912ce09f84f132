import { Construct, ITerraformDependable, TerraformResource } from '../core';
import { TerraformData } from './terraform-data';
import { handlerProvisioner } from './handler-provisioner';
import type { ManagedInventorySpec, ManagedInventoryTarget } from '../contract/spec';
import { literalTemplates } from './terraform-literal';
import { CONFIG_VARIABLE, TARGET_VARIABLE } from '../contract/environment';

/** Props of {@link ManagedInventoryConfig}. */
export interface ManagedInventoryConfigProps {
  readonly spec: ManagedInventorySpec;
  /** Endpoint settings for the handler (private endpoints, tests); credentials never go here. */
  readonly environment?: Record<string, string>;
  readonly nodeExecutable?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A periodic inventory config the bundled handler owns through create, update and destroy, for configs no provider
 * resource expresses exactly (OBS inventories; COS inventories with encrypted reports, a tag filter, or no prefix or
 * fields). Two built-in `terraform_data`:
 * - **owner** stores which config it is (service, bucket, region, id) on itself; its destroy-time provisioner
 *   deletes that config, reading only `self.input`. It is replaced, deleting the old config, only when the
 *   config's identity changes.
 * - **config** stores the whole config; its create-time provisioner puts it and reads it back, so a refused or
 *   drifting config fails the apply. Any change replaces it, which puts the new config once.
 * So an apply puts once, a content change puts once more, and a destroy deletes once.
 *
 * Both store their document as data in `input` (literal text escaped, references left to Terraform), and hand it to
 * the handler as `jsonencode(self.input.…)`: Terraform's own encoding, so every value arrives byte-exact.
 */
export class ManagedInventoryConfig extends Construct {
  /** The resource that puts the config. */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: ManagedInventoryConfigProps) {
    super(scope, id);
    const { service, bucket, region, id: inventoryId } = props.spec;
    const target: ManagedInventoryTarget = literalTemplates({ version: 1, service, bucket, region, id: inventoryId });
    const config = literalTemplates(props.spec);
    const run = { nodeExecutable: props.nodeExecutable, settings: props.environment };

    const owner = new TerraformData(this, 'Owner', {
      input: { target },
      triggersReplace: { target },
      dependsOn: props.dependsOn,
      // A destroy-time provisioner may read only its own resource: the target comes from what it stored.
      provisioners: [handlerProvisioner(this, {
        ...run, command: 'delete', when: 'destroy', environment: { [TARGET_VARIABLE]: '${jsonencode(self.input.target)}' },
      })],
    });
    this.resource = new TerraformData(this, 'Config', {
      input: { config },
      triggersReplace: { config },
      dependsOn: [owner],
      provisioners: [handlerProvisioner(this, { ...run, command: 'put', environment: { [CONFIG_VARIABLE]: '${jsonencode(self.input.config)}' } })],
    });
  }
}
