export * from './fields';
export * from './amounts';
export * from './penalty-export';
