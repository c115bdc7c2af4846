export * from './transformers';
export * from './decimal-number.transformer';
