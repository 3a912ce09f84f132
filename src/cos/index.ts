// Tencent Cloud COS: destinations, periodic inventories, one-off jobs and the service role COS writes reports as.
export * from './inventory-field';
export * from './handler-options';
export * from './service-role';
export * from './inventory-destination';
export * from './bucket-inventory';
export * from './central-inventory';
export * from './inventory-job';
