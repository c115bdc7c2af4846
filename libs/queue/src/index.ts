export * from './job-catalogue';
export * from './job-dispatcher';
export * from './job-handlers';
export * from './job-registry.service';
export * from './on-job.decorator';
export * from './queue.module';
export * from './redis-options';
export * from './redis-probe';
