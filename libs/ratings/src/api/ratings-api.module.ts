import { RegistryModule } from '@app/registry';
import { Module } from '@nestjs/common';
import { RatingsModule } from '../ratings.module';
import { RatingsFeedController } from './ratings-feed.controller';
import { RatingsResolver } from './ratings.resolver';
import { RuleSetsResolver } from './rule-sets.resolver';
import { SubjectRatingResolver } from './subject-rating.resolver';
import { SubjectsListingResolver } from './subjects-listing.resolver';

/** The ratings library's GraphQL face and the budget module's bulk feed, mounted by the API app only. */
@Module({
  imports: [RatingsModule, RegistryModule],
  providers: [RuleSetsResolver, RatingsResolver, SubjectRatingResolver, SubjectsListingResolver],
  controllers: [RatingsFeedController],
})
export class RatingsApiModule {}
