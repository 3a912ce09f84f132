export * from './bucket-policy-statement';
export * from './cos-service-role';
export * from './inventory-options';
export * from './inventory-destination';
export * from './bucket-inventory';
export * from './central-inventory';
