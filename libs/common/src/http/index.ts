export * from './listen';
export * from './configure-http';
export * from './stream-write';
