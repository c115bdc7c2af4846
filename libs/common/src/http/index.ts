export * from './listen';
export * from './configure-http';
