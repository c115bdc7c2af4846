export * from './connection.type';
export * from './loader-registry';
export * from './request-loaders';
export * from './date.scalar';
