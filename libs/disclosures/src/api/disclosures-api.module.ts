import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DisclosuresModule } from '../disclosures.module';
import { DisclosuresResolver } from './disclosures.resolver';
import { PublicDisclosureFastPath } from './public-disclosure-fast-path';
import { PublicDisclosuresController } from './public-disclosures.controller';
import { PublicPagesController } from './public-pages.controller';

/** The disclosures' API face: GraphQL for all callers, and the public JSON, CSV, Atom and HTML pages under /public. */
@Module({ imports: [DisclosuresModule], providers: [DisclosuresResolver], controllers: [PublicDisclosuresController, PublicPagesController] })
export class DisclosuresApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicDisclosureFastPath).forRoutes({ path: 'public/disclosures/*id', method: RequestMethod.GET });
  }
}
