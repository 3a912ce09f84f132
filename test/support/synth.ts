import { App, Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HuaweicloudProvider } from '../../src/.gen/providers/huaweicloud/provider';
import { TencentcloudProvider } from '../../src/.gen/providers/tencentcloud/provider';
import { loadSchema, validateStack } from './terraform-schema';

const schemas = [loadSchema('schema/tencentcloud.json'), loadSchema('schema/huaweicloud.json')];

/** A stack with the test's constructs, synthesized with validations run, as cdktf's matchers take it. */
export function synth(build: (scope: Construct) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  new HuaweicloudProvider(stack, 'huaweicloud', { region: 'cn-north-4' });
  build(stack);
  return Testing.synth(stack, true);
}

/** The synthesized stack as an object. */
export function synthJson(build: (scope: Construct) => void): any {
  return JSON.parse(synth(build));
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

/** The policy document of the one bucket policy in a stack. */
export function bucketPolicyDocument(stackJson: any): any {
  const policies = Object.values(stackJson.resource.tencentcloud_cos_bucket_policy) as any[];
  expect(policies).toHaveLength(1);
  return JSON.parse(policies[0].policy);
}
