export * from './resident-id-cipher';
