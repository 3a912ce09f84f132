// The one place hand-written code imports the CDK for Terraform core from.
// cdktf was archived in December 2025; its community continuation, CDK Terrain (`cdktn`), keeps the same API,
// so a cdktn build changes these lines (and regenerates the bindings) and nothing else.
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

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

/** A published build of this library: the package and the framework its core belongs to. */
interface Build {
  readonly packageName: string;
  readonly framework: string;
}

const CDKTF_BUILD: Build = { packageName: 'cdktf-cos-inventory', framework: 'CDK for Terraform (cdktf)' };
const CDKTN_BUILD: Build = { packageName: 'cdktn-cos-inventory', framework: 'CDK Terrain (cdktn)' };
/** This build and the other one (scripts/build-variant.js swaps them in the cdktn build). */
const [THIS_BUILD, OTHER_BUILD] = [CDKTF_BUILD, CDKTN_BUILD];

const JSII_TYPE = Symbol.for('jsii.rtti');

/** The jsii name of the core class `value` is an instance of, such as `cdktn.TerraformStack`, found up its prototypes. */
function coreClassName(value: object): string | undefined {
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const type = Object.getOwnPropertyDescriptor(proto.constructor, JSII_TYPE)?.value as { fqn?: string } | undefined;
    if (type?.fqn?.endsWith('.TerraformStack')) return type.fqn;
  }
  return undefined;
}

/**
 * Refuses a construct whose stack belongs to the other core. Both cores recognise each other's stacks and apps (they
 * share the symbols), so a mix does not fail here by itself: it fails later inside synth with an internal error, or
 * silently skips the Aspects. Called by every construct of the library when it is created.
 */
export function assertSameCore(construct: IConstruct): void {
  const stackClass = coreClassName(TerraformStack.of(construct));
  const ownClass = (TerraformStack as unknown as Record<symbol, { fqn: string }>)[JSII_TYPE].fqn;
  if (stackClass === undefined || stackClass === ownClass) return;
  throw new Error(`[${construct.node.path}] this is ${THIS_BUILD.packageName}, built for ${THIS_BUILD.framework}; `
    + `in a ${OTHER_BUILD.framework} app (its stack is a ${stackClass}) install ${OTHER_BUILD.packageName}`);
}
