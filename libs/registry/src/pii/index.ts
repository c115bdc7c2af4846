export * from './resident-id-cipher';
export * from './resident-id.provider';
