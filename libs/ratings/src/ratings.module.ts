import { Module } from '@nestjs/common';
import { RatingsReader } from './ratings/ratings.reader';
import { RescoreService } from './ratings/rescore.service';
import { RuleSetsService } from './rule-sets/rule-sets.service';

/** Rule sets (and, with issue 4, ratings, their history and rescoring). */
@Module({ providers: [RuleSetsService, RescoreService, RatingsReader], exports: [RuleSetsService, RescoreService, RatingsReader] })
export class RatingsModule {}
