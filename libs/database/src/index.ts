export * from './database.module';
export * from './typeorm-options';
export * from './migrations';
export * from './retrying-transaction';
export * from './stream-positions';
export * from './stream-head.entity';
export * from './multi-row-insert';
export * from './named-lock';
