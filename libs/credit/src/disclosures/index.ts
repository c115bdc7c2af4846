export * from './kinds';
export * from './period';
export * from './items';
export * from './content';
export * from './field-order';
