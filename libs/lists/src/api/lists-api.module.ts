import { Module } from '@nestjs/common';
import { ListsModule } from '../lists.module';
import { CreditRepairResolver } from './credit-repair.resolver';
import { ListFeedsController } from './list-feeds.controller';
import { ListLoaders } from './list-loaders';
import { ListsResolver } from './lists.resolver';
import { SubjectListEntriesResolver } from './subject-list-entries.resolver';
import { WebhookSubscriptionsResolver } from './webhook-subscriptions.resolver';

/** The lists' HTTP face, mounted by the API app only: GraphQL and the commission's REST feeds. */
@Module({
  imports: [ListsModule],
  controllers: [ListFeedsController],
  providers: [ListLoaders, ListsResolver, SubjectListEntriesResolver, CreditRepairResolver, WebhookSubscriptionsResolver],
})
export class ListsApiModule {}
