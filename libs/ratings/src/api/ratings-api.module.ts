import { RegistryModule } from '@app/registry';
import { Module } from '@nestjs/common';
import { RatingsModule } from '../ratings.module';
import { RatingsResolver } from './ratings.resolver';
import { RuleSetsResolver } from './rule-sets.resolver';
import { SubjectRatingResolver } from './subject-rating.resolver';
import { SubjectsListingResolver } from './subjects-listing.resolver';

/** The ratings library's GraphQL face, mounted by the API app only. */
@Module({ imports: [RatingsModule, RegistryModule], providers: [RuleSetsResolver, RatingsResolver, SubjectRatingResolver, SubjectsListingResolver] })
export class RatingsApiModule {}
