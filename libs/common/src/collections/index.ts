export * from './group-by-keys';
