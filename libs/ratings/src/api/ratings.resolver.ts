import { Allow, Role } from '@app/auth';
import { DateScalar } from '@app/common/graphql';
import { Page } from '@app/common';
import { Args, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { RatingChangeAnswer, RatingChangesReader } from '../ratings/rating-changes.reader';
import { RatingChangeConnection } from './rating-change.node';
import { RatingAnswer, RatingsReader } from '../ratings/ratings.reader';
import { RatingNode } from './rating.node';
import { RatingField } from '../ratings/rating-columns';
import { selectedFields } from './selected-fields';

type RatingArgs = { subjectIds?: string[]; creditCodes?: string[] };

@Resolver(() => RatingNode)
export class RatingsResolver {
  constructor(
    private readonly reader: RatingsReader,
    private readonly changes: RatingChangesReader,
  ) {}

  @Query(() => [RatingNode], {
    description:
      'Up to 10,000 ratings by subject id or credit code, in the order asked. asOf: the rating in force at the end of that day, from every event known now; knownAt: what the service said at that moment (with asOf: as it knew the events then).',
    // One batched SQL query serves every key: cost grows with the keys, not keys × fields.
    complexity: ({ args, childComplexity }) => 1 + ((args as RatingArgs).subjectIds ?? (args as RatingArgs).creditCodes ?? []).length + childComplexity,
  })
  @Allow(Role.BUDGET, Role.REGULATOR, Role.AUDITOR)
  ratings(
    @Args('subjectIds', { type: () => [ID], nullable: true }) subjectIds?: string[],
    @Args('creditCodes', { type: () => [String], nullable: true }) creditCodes?: string[],
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string,
    @Args('knownAt', { type: () => Date, nullable: true }) knownAt?: Date,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<RatingAnswer[]> {
    // 10,000 ratings × the columns read is the cost of this query: read only what is selected (the explanation,
    // most of a stored rating's bytes, is rarely).
    const fields = info ? (selectedFields(info) as Set<RatingField>) : null;
    return this.reader.forKeys({ subjectIds, creditCodes, asOf, knownAt }, { fields });
  }

  @Query(() => RatingChangeConnection, {
    description: 'Rating changes after a cursor, in commit order (a change never appears behind a cursor already handed out), for caches on the budget side.',
  })
  @Allow(Role.BUDGET, Role.REGULATOR, Role.AUDITOR)
  ratingChanges(
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<Page<RatingChangeAnswer>> {
    return this.changes.page(after, first);
  }
}
