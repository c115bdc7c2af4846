export * from './connection.type';
export * from './loader-registry';
export * from './request-loaders';
