import { Allow, Role } from '@app/auth';
import { csvLine, DomainError, UTF8_BOM } from '@app/common';
import { ListKind } from '@app/credit';
import { Controller, Get, Head, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { FeedEntry } from '../feeds/feed-entry';
import { ListChangesReader } from '../feeds/list-changes.reader';
import { canonicalLine, ListSnapshotReader, Stamp } from '../feeds/list-snapshot.reader';
import { canonicalize } from '../feeds/canonical';

/** Snapshot CSV columns: the feed entry's fields, in this order, as the header row. */
const CSV_COLUMNS: (keyof FeedEntry)[] = [
  'entryId', 'list', 'subjectType', 'subjectKey', 'maskedId', 'subjectName', 'reasonCode', 'legalBasis', 'decisionNo', 'authority',
  'effectiveFrom', 'plannedEnd', 'status',
];

/**
 * The development-reform commission's pull feeds (api-contract.md): changes since a seq as NDJSON, and the
 * full snapshot as NDJSON or CSV, streamed page by page with back-pressure, stamped with the list's seq, row
 * count and the SHA-256 of its canonical NDJSON body (the same stamp on HEAD, which sends no body), so that
 * snapshot(s1) + changes(s1..s2) = snapshot(s2) is checkable.
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
    res.status(200).set({ 'content-type': 'application/x-ndjson; charset=utf-8', 'x-list-seq': String(page.lastSeq), 'cache-control': 'no-store' });
    for (const change of page.changes) await write(res, `${canonicalize(change)}\n`);
    res.end();
  }

  @Head(':list/snapshot')
  @Allow(Role.NDRC)
  async snapshotStamp(@Param('list') list: string, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const kind = listKind(list);
    const as = snapshotFormat(format);
    await this.snapshots.read(kind, async (stamp) => {
      res.status(200).set(headers(stamp, as)).end();
    });
  }

  @Get(':list/snapshot')
  @Allow(Role.NDRC)
  async snapshot(@Param('list') list: string, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const kind = listKind(list);
    const as = snapshotFormat(format);
    await this.snapshots.read(kind, async (stamp, lines) => {
      res.status(200).set(headers(stamp, as));
      if (as === 'csv') await write(res, UTF8_BOM + csvLine(CSV_COLUMNS));
      for await (const entry of lines()) {
        await write(res, as === 'csv' ? csvLine(CSV_COLUMNS.map((c) => entry[c])) : canonicalLine(entry));
      }
      res.end();
    });
  }
}

function headers(stamp: Stamp, format: 'ndjson' | 'csv'): Record<string, string> {
  return {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'x-list-seq': String(stamp.seq),
    'x-row-count': String(stamp.rowCount),
    'x-content-sha256': stamp.sha256,
    etag: `"${stamp.sha256}"`,
    'cache-control': 'no-store',
  };
}

/** Writes with back-pressure: waits for the socket to drain, so a slow consumer never fills memory. */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

export function listKind(value: string): ListKind {
  if (!(Object.values(ListKind) as string[]).includes(value)) {
    throw DomainError.notFound(`no list named ${JSON.stringify(value.slice(0, 40))}: one of ${Object.values(ListKind).join(', ')}`, { field: 'list', reason: 'UNKNOWN_LIST' });
  }
  return value as ListKind;
}

function wholeNumber(value: string, field: string): number {
  if (!/^\d{1,15}$/.test(value)) throw DomainError.badInput(`${field} must be a whole number ≥ 0`, { field, reason: 'INVALID_VALUE' });
  return Number(value);
}

function snapshotFormat(value: string | undefined): 'ndjson' | 'csv' {
  if (value === undefined || value === 'ndjson' || value === 'csv') return value ?? 'ndjson';
  throw DomainError.badInput('format must be ndjson or csv', { field: 'format', reason: 'INVALID_VALUE' });
}
