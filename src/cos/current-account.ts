import { DataTencentcloudUserInfo } from '../.gen/providers/tencentcloud/data-tencentcloud-user-info';
import { IConstruct, TerraformStack } from '../core';

const CONSTRUCT_ID = 'CosInventoryCurrentAccount';

/**
 * The `tencentcloud_user_info` data source of the stack, shared by every construct that needs the account's
 * owner UIN or APPID, so a stack reads it once however many destinations it has.
 */
export function currentAccount(scope: IConstruct): DataTencentcloudUserInfo {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CONSTRUCT_ID);
  return (existing as DataTencentcloudUserInfo | undefined) ?? new DataTencentcloudUserInfo(stack, CONSTRUCT_ID, {});
}
