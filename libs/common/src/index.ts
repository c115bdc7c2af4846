export * from './errors';
export * from './json';
export * from './csv';
export * from './orm';
export * from './pagination';
export * from './collections';
export * from './html';
