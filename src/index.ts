// What both services share: schedules, versions, filters, policy statements, errors.
export * from './common/inventory-options';
export * from './common/policy-statement';
export * from './common/errors';
// One namespace per service, with the same construct names and shapes where the services agree.
export * as cos from './cos';
export * as obs from './obs';
// The provider classes the constructs need, generated from the bundled schemas, so a stack needs no `cdktf get`.
export * from './.gen/providers/tencentcloud/provider';
export * from './.gen/providers/huaweicloud/provider';
