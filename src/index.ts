export * from './bucket-policy-statement';
export * from './cos-service-role';
export * from './inventory-options';
export * from './inventory-destination';
export * from './inventory-source';
export * from './bucket-inventory';
export * from './central-inventory';
export * from './inventory-job';
