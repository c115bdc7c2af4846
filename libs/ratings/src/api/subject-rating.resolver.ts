import { LoaderRegistry, RequestLoaders } from '@app/common/graphql';
import { Subject } from '@app/registry';
import { SubjectNode } from '@app/registry/api/subject.node';
import { OnModuleInit } from '@nestjs/common';
import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@app/common';
import { PractitionerAssessment, shanghaiDate, SubjectType } from '@app/credit';
import { NotificationsReader } from '../ratings/notifications.reader';
import { PointsKey, PointsReader } from '../ratings/points.reader';
import { RatingNotification } from '../ratings/rating-notification.entity';
import { RatingNotificationNode } from './rating-notification.node';
import { PractitionerPointsNode } from './practitioner-points.node';
import { RatingAnswer, RatingsReader } from '../ratings/ratings.reader';
import { RatingNode } from './rating.node';

const CURRENT_RATING = 'ratings.current';
const POINTS = 'ratings.points';
const NOTIFICATIONS = 'ratings.notifications';

/** `Subject.rating`: the current rating (with its explanation), batched across subjects by a DataLoader. */
@Resolver(() => SubjectNode)
export class SubjectRatingResolver implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly reader: RatingsReader,
    private readonly points: PointsReader,
    private readonly notifications: NotificationsReader,
  ) {}

  onModuleInit(): void {
    this.loaders.register(CURRENT_RATING, (ids: readonly string[]) => this.reader.forKeys({ subjectIds: ids }));
    this.loaders.register(NOTIFICATIONS, (ids: readonly string[]) => this.notifications.ofSubjects(ids));
    this.loaders.register(POINTS, (keys: readonly PointsKey[]) => this.points.forKeys(keys), {
      cacheKeyFn: (k: PointsKey) => `${k.subjectId}:${k.year}`,
    });
  }

  @ResolveField(() => RatingNode, { description: 'The current rating; the clean-record default with hasRecord false when there is none.' })
  rating(@Parent() s: Subject, @Context() ctx: { loaders: RequestLoaders }): Promise<RatingAnswer> {
    return ctx.loaders.get<string, RatingAnswer>(CURRENT_RATING).load(s.id);
  }

  @ResolveField('points', () => PractitionerPointsNode, { nullable: true, description: 'Practitioners: points, status and dates of a year (default: this year).' })
  async pointsOf(
    @Parent() s: Subject,
    @Context() ctx: { loaders: RequestLoaders },
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<PractitionerAssessment | null> {
    if (s.type !== SubjectType.PRACTITIONER) return null;
    const y = year ?? Number(shanghaiDate(new Date()).slice(0, 4));
    if (!Number.isInteger(y) || y < 2025 || y > 9999) {
      throw DomainError.badInput('year must be 2025 (when the 12-point cycle began) or later', { field: 'year', reason: 'INVALID_VALUE' });
    }
    return ctx.loaders.get<PointsKey, PractitionerAssessment | null>(POINTS).load({ subjectId: s.id, year: y });
  }

  @ResolveField(() => [RatingNotificationNode], { description: 'Grade (or status) changes to notify to the subject, newest first.' })
  ratingNotifications(@Parent() s: Subject, @Context() ctx: { loaders: RequestLoaders }): Promise<RatingNotification[]> {
    return ctx.loaders.get<string, RatingNotification[]>(NOTIFICATIONS).load(s.id);
  }
}
