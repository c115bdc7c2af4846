export * from './health.module';
export * from './health-options';
