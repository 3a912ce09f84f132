import { App, Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HuaweicloudProvider } from '../../src/.gen/providers/huaweicloud/provider';
import { TencentcloudProvider } from '../../src/.gen/providers/tencentcloud/provider';
import { loadSchema, validateStack } from './terraform-schema';

const schemas = [loadSchema('schema/tencentcloud.json'), loadSchema('schema/huaweicloud.json')];

/** The provider each resource type prefix needs, added to a test stack only when the stack uses that provider. */
const PROVIDERS: Record<string, (stack: TerraformStack) => void> = {
  tencentcloud: (stack) => new TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' }),
  huaweicloud: (stack) => new HuaweicloudProvider(stack, 'huaweicloud', { region: 'cn-north-4' }),
};

/** The providers a stack's resources and data sources name, as a user's stack would have to configure them. */
function providersUsed(stack: TerraformStack): string[] {
  const json = stack.toTerraform();
  const types = [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {})];
  return Object.keys(PROVIDERS).filter((name) => types.some((type) => type.startsWith(`${name}_`)));
}

/** A stack with the test's constructs, synthesized with validations run, as cdktf's matchers take it. */
export function synth(build: (scope: Construct) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  for (const name of providersUsed(stack)) PROVIDERS[name](stack);
  return Testing.synth(stack, true);
}

/** The synthesized stack as an object. */
export function synthJson(build: (scope: Construct) => void): any {
  return JSON.parse(synth(build));
}

/** The one resource of a type in a synthesized stack, for a snapshot of the resource under test. */
export function onlyResource(stackJson: any, type: string): any {
  const resources = Object.values(stackJson.resource?.[type] ?? {});
  expect(resources).toHaveLength(1);
  return resources[0];
}

/** Every problem the trimmed provider schemas find in a synthesized stack. */
export function schemaProblems(stackJson: any): string[] {
  return validateStack(stackJson, schemas);
}

/** Synthesizes every stack of an app the way `cdktf synth` does and returns them by name. */
export function synthApp(app: App): Record<string, any> {
  const stacks: Record<string, any> = {};
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) stacks[child.node.id] = JSON.parse(Testing.synth(child, true));
  }
  return stacks;
}

/** The policy document of the one COS bucket policy in a stack. */
export function bucketPolicyDocument(stackJson: any): any {
  return JSON.parse(onlyResource(stackJson, 'tencentcloud_cos_bucket_policy').policy);
}
