import { Allow, Role } from '@app/auth';
import { DomainError } from '@app/common';
import { ListKind } from '@app/credit';
import { Controller, Get, Head, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FeedEntry } from '../feeds/feed-entry';
import { ListChangesReader } from '../feeds/list-changes.reader';
import { ListSnapshotReader } from '../feeds/list-snapshot.reader';
import { sendChanges, sendSnapshot, sendStamp, snapshotFormat, wholeNumber } from './feed-http';

/** Snapshot CSV columns: the feed entry's fields, in this order, as the header row. */
const CSV_COLUMNS: (keyof FeedEntry)[] = [
  'entryId', 'list', 'subjectType', 'subjectKey', 'maskedId', 'subjectName', 'reasonCode', 'legalBasis', 'decisionNo', 'authority',
  'effectiveFrom', 'plannedEnd', 'status',
];

/**
 * The development-reform commission's pull feeds (api-contract.md): changes since a seq as NDJSON, and the
 * full snapshot as NDJSON or CSV, streamed page by page with back-pressure, stamped with the list's seq, row
 * count and the SHA-256 of its canonical NDJSON body (the same stamp on HEAD, which sends no body), so that
 * snapshot(s1) + changes(s1..s2) = snapshot(s2) is checkable. The HTTP shape is shared with the penalty export (feed-http).
 */
@Controller('feeds/lists')
export class ListFeedsController {
  constructor(
    private readonly changes: ListChangesReader,
    private readonly snapshots: ListSnapshotReader,
  ) {}

  @Get(':list/changes')
  @Allow(Role.NDRC)
  async changesSince(@Param('list') list: string, @Query('since') since: string | undefined, @Query('limit') limit: string | undefined, @Res() res: Response): Promise<void> {
    const page = await this.changes.since(listKind(list), wholeNumber(since ?? '0', 'since'), limit === undefined ? undefined : wholeNumber(limit, 'limit'));
    await sendChanges(res, page.lastSeq, page.changes);
  }

  @Head(':list/snapshot')
  @Allow(Role.NDRC)
  async snapshotStamp(@Param('list') list: string, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const kind = listKind(list);
    const as = snapshotFormat(format);
    await this.snapshots.read(kind, async (stamp) => sendStamp(res, stamp, as));
  }

  @Get(':list/snapshot')
  @Allow(Role.NDRC)
  async snapshot(@Param('list') list: string, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const kind = listKind(list);
    const as = snapshotFormat(format);
    await this.snapshots.read(kind, (stamp, lines) => sendSnapshot(res, stamp, as, lines(), { header: CSV_COLUMNS, row: (entry) => CSV_COLUMNS.map((c) => entry[c]) }));
  }
}

export function listKind(value: string): ListKind {
  if (!(Object.values(ListKind) as string[]).includes(value)) {
    throw DomainError.notFound(`no such list: one of ${Object.values(ListKind).join(', ')}`, { field: 'list', reason: 'UNKNOWN_LIST' });
  }
  return value as ListKind;
}
