export * from './errors';
export * from './json';
export * from './orm';
export * from './pagination';
export * from './collections';
