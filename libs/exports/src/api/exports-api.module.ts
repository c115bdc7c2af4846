import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports.module';
import { PenaltyFeedsController } from './penalty-feeds.controller';

/** The export's HTTP face, mounted by the API app only: the commission's penalty feeds. */
@Module({ imports: [ExportsModule], controllers: [PenaltyFeedsController] })
export class ExportsApiModule {}
