// Huawei Cloud OBS: destinations and periodic inventories, with the same names and shapes as the COS namespace.
export * from './inventory-field';
export * from './handler-options';
export * from './inventory-destination';
export * from './bucket-inventory';
export * from './central-inventory';
