import { Module } from '@nestjs/common';
import { FullRescoreService } from './ratings/full-rescore.service';
import { RatingChangesReader } from './ratings/rating-changes.reader';
import { NotificationsReader } from './ratings/notifications.reader';
import { PointsReader } from './ratings/points.reader';
import { RatingsReader } from './ratings/ratings.reader';
import { RescoreService } from './ratings/rescore.service';
import { RuleSetPreviewService } from './rule-sets/rule-set-preview.service';
import { RuleSetsService } from './rule-sets/rule-sets.service';

/** Rule sets (and, with issue 4, ratings, their history and rescoring). */
@Module({
  providers: [RuleSetsService, RescoreService, RatingsReader, RatingChangesReader, FullRescoreService, PointsReader, RuleSetPreviewService, NotificationsReader],
  exports: [RuleSetsService, RescoreService, RatingsReader, RatingChangesReader, FullRescoreService, PointsReader, RuleSetPreviewService, NotificationsReader],
})
export class RatingsModule {}
