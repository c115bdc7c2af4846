export * from './exports.module';
export * from './penalty-export.entity';
export * from './penalty-export-change.entity';
export * from './penalty-export.service';
export * from './penalty-export-log';
export * from './penalty-feeds.reader';
export * from './penalty-line';
export * from './export-event-row';
