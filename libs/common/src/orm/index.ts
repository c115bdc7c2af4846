export * from './transformers';
export * from './decimal-number.transformer';
export * from './row-id';
