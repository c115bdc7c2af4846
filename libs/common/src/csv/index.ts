export * from './csv-line';
