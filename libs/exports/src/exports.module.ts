import { AuditModule } from '@app/audit';
import { ListsModule } from '@app/lists';
import { residentIdCipherProvider } from '@app/registry';
import { Module } from '@nestjs/common';
import { PenaltyExportService } from './penalty-export.service';
import { PenaltyFeedsReader } from './penalty-feeds.reader';

/**
 * The national-platform export of administrative penalties (exports.md): export rows and their change log,
 * kept by the rescore run, the credit-repair approval and the daily job; read by the penalty feeds.
 */
@Module({
  imports: [AuditModule, ListsModule],
  providers: [PenaltyExportService, PenaltyFeedsReader, residentIdCipherProvider],
  exports: [PenaltyExportService, PenaltyFeedsReader],
})
export class ExportsModule {}
