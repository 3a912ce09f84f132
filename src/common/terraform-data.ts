import { anyToTerraform, Construct, hashMapper, ITerraformDependable, TerraformResource, TerraformResourceLifecycle } from '../core';

/** What a handler resource holds: data Terraform keeps in state, what replaces it, and what it runs. */
export interface TerraformDataConfig {
  readonly input: { [key: string]: unknown };
  readonly triggersReplace: { [key: string]: unknown };
  readonly dependsOn?: ITerraformDependable[];
  readonly lifecycle?: TerraformResourceLifecycle;
  readonly provisioners: any[];
}

/**
 * Terraform's built-in `terraform_data`, as cdktf's `DataResource` synthesizes it, without the validation that class
 * adds to every instance: it runs `terraform version` once per resource at synth time, about 0.1 s each, minutes for
 * a stack with a thousand handler-managed configs. Terraform 1.4 or later is required (README).
 */
export class TerraformData extends TerraformResource {
  private readonly config: TerraformDataConfig;

  constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
    });
    this.config = config;
  }

  /** The resource's id: a UUID made when it is created, new on every replacement. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      input: hashMapper(anyToTerraform)(this.config.input),
      triggers_replace: hashMapper(anyToTerraform)(this.config.triggersReplace),
    };
  }
}
