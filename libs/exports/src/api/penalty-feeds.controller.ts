import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { PENALTY_EXPORT_FIELDS } from '@app/credit';
import { sendChanges, sendSnapshot, sendStamp, snapshotFormat, wholeNumber } from '@app/lists/api/feed-http';
import { Controller, Get, Head, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PenaltyFeedsReader } from '../penalty-feeds.reader';

/**
 * The penalty export's pull feeds for the development-reform commission (api-contract.md): the snapshot as
 * NDJSON (canonical lines with recordId) or CSV (the 双公示 codes as the header row, UTF-8 BOM, formula-safe
 * cells), stamped like the list feeds on GET and HEAD; changes since a seq as NDJSON.
 */
@Controller('feeds/penalties')
export class PenaltyFeedsController {
  constructor(private readonly feeds: PenaltyFeedsReader) {}

  @Get('changes')
  @Allow(Role.NDRC)
  async changesSince(@Query('since') since: string | undefined, @Query('limit') limit: string | undefined, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const page = await this.feeds.changesSince(actorOf(principal), wholeNumber(since ?? '0', 'since'), limit === undefined ? undefined : wholeNumber(limit, 'limit'));
    await sendChanges(res, page.lastSeq, page.changes);
  }

  @Head('snapshot')
  @Allow(Role.NDRC)
  async snapshotStamp(@Query('format') format: string | undefined, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const as = snapshotFormat(format);
    await this.feeds.snapshot(actorOf(principal), false, async (stamp) => sendStamp(res, stamp, as));
  }

  @Get('snapshot')
  @Allow(Role.NDRC)
  async snapshot(@Query('format') format: string | undefined, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const as = snapshotFormat(format);
    await this.feeds.snapshot(actorOf(principal), true, (stamp, lines) =>
      sendSnapshot(res, stamp, as, lines(), { header: PENALTY_EXPORT_FIELDS, row: (line) => PENALTY_EXPORT_FIELDS.map((f) => line[f]) }),
    );
  }
}
