import { Module } from '@nestjs/common';
import { DisclosuresModule } from '../disclosures.module';
import { DisclosuresResolver } from './disclosures.resolver';
import { PublicDisclosuresController } from './public-disclosures.controller';

/** The disclosures' API face: GraphQL for all callers, and the public JSON, CSV and Atom under /public. */
@Module({ imports: [DisclosuresModule], providers: [DisclosuresResolver], controllers: [PublicDisclosuresController] })
export class DisclosuresApiModule {}
