export * from './ratings.module';
export * from './rule-sets/rule-set.entity';
export * from './rule-sets/rule-sets.service';
