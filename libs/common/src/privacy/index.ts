export * from './mask-text';
