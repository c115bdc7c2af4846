import { Module } from '@nestjs/common';
import { RatingsModule } from '../ratings.module';
import { RatingsResolver } from './ratings.resolver';
import { RuleSetsResolver } from './rule-sets.resolver';
import { SubjectRatingResolver } from './subject-rating.resolver';

/** The ratings library's GraphQL face, mounted by the API app only. */
@Module({ imports: [RatingsModule], providers: [RuleSetsResolver, RatingsResolver, SubjectRatingResolver] })
export class RatingsApiModule {}
