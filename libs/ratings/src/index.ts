export * from './ratings.module';
export * from './rule-sets/rule-set.entity';
export * from './rule-sets/rule-sets.service';
export * from './ratings/rating.entity';
export * from './ratings/rating-history.entity';
export * from './ratings/rating-notification.entity';
export * from './ratings/rescore.service';
export * from './ratings/ratings.reader';
