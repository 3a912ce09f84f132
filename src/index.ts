export * from './bucket-policy-statement';
export * from './cos-service-role';
export * from './inventory-options';
export * from './handler-options';
export * from './inventory-destination';
export * from './inventory-source';
export * from './bucket-inventory';
export * from './central-inventory';
export * from './inventory-job';
export * from './obs-inventory-destination';
export * from './obs-bucket-inventory';
// The provider classes the constructs need, generated from the bundled schemas, so a stack needs no `cdktf get`.
export * from './.gen/providers/tencentcloud/provider';
export * from './.gen/providers/huaweicloud/provider';
