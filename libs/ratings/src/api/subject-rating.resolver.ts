import { LoaderRegistry, RequestLoaders } from '@app/common/graphql';
import { Subject } from '@app/registry';
import { SubjectNode } from '@app/registry/api/subject.node';
import { OnModuleInit } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RatingAnswer, RatingsReader } from '../ratings/ratings.reader';
import { RatingNode } from './rating.node';

const CURRENT_RATING = 'ratings.current';

/** `Subject.rating`: the current rating (with its explanation), batched across subjects by a DataLoader. */
@Resolver(() => SubjectNode)
export class SubjectRatingResolver implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly reader: RatingsReader,
  ) {}

  onModuleInit(): void {
    this.loaders.register(CURRENT_RATING, (ids: readonly string[]) => this.reader.forKeys({ subjectIds: ids }));
  }

  @ResolveField(() => RatingNode, { description: 'The current rating; the clean-record default with hasRecord false when there is none.' })
  rating(@Parent() s: Subject, @Context() ctx: { loaders: RequestLoaders }): Promise<RatingAnswer> {
    return ctx.loaders.get<string, RatingAnswer>(CURRENT_RATING).load(s.id);
  }
}
