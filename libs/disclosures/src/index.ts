export * from './disclosures.module';
export * from './disclosure.entity';
export * from './disclosure-item.entity';
export * from './disclosure.service';
export * from './disclosure-reader';
export * from './disclosure-builder';
export * from './atom';
