import { Module } from '@nestjs/common';
import { RuleSetsService } from './rule-sets/rule-sets.service';

/** Rule sets (and, with issue 4, ratings, their history and rescoring). */
@Module({ providers: [RuleSetsService], exports: [RuleSetsService] })
export class RatingsModule {}
