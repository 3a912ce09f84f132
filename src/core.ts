// The one place hand-written code imports the CDK for Terraform core from.
// cdktf was archived in December 2025; its community continuation, CDK Terrain (`cdktn`), keeps the same API,
// so a cdktn build changes these lines (and regenerates the bindings) and nothing else.
export {
  Annotations,
  anyToTerraform,
  AssetType,
  Fn,
  hashMapper,
  Lazy,
  TerraformAsset,
  TerraformResource,
  TerraformStack,
  Token,
} from 'cdktf';
export { Construct } from 'constructs';
export type { IConstruct } from 'constructs';
export type { ITerraformDependable, TerraformResourceLifecycle } from 'cdktf';
