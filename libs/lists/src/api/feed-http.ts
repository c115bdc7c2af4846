import { csvLine, DomainError, UTF8_BOM } from '@app/common';
import type { Response } from 'express';
import { writeAll } from '@app/common/http';
import { canonicalize } from '../feeds/canonical';
import { canonicalLine, Stamp } from '../feeds/stamped-snapshot';

/**
 * The HTTP shape every pull feed shares (api-contract.md: the list feeds and the penalty export): changes as
 * NDJSON with `X-List-Seq`; snapshots as NDJSON or CSV (UTF-8 BOM, header row, formula-safe cells), streamed
 * with back-pressure, stamped with seq, row count and the SHA-256 of the canonical NDJSON body, on GET and on
 * HEAD (no body).
 */
export type SnapshotFormat = 'ndjson' | 'csv';

export function stampHeaders(stamp: Stamp, format: SnapshotFormat): Record<string, string> {
  return {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'x-list-seq': String(stamp.seq),
    'x-row-count': String(stamp.rowCount),
    'x-content-sha256': stamp.sha256,
    etag: `"${stamp.sha256}"`,
    'cache-control': 'no-store',
  };
}

/** HEAD: the stamp alone. */
export function sendStamp(res: Response, stamp: Stamp, format: SnapshotFormat): void {
  res.status(200).set(stampHeaders(stamp, format)).end();
}

/** GET: the stamp, then the lines as canonical NDJSON, or as CSV with `header` and `row(line)` cells. */
export async function sendSnapshot<T>(
  res: Response,
  stamp: Stamp,
  format: SnapshotFormat,
  lines: AsyncIterable<T>,
  csv: { header: readonly string[]; row: (line: T) => readonly unknown[] },
): Promise<void> {
  res.status(200).set(stampHeaders(stamp, format));
  async function* text(): AsyncGenerator<string> {
    if (format === 'csv') yield UTF8_BOM + csvLine(csv.header);
    for await (const line of lines) yield format === 'csv' ? csvLine(csv.row(line)) : canonicalLine(line);
  }
  try {
    if (await writeAll(res, text())) res.end();
  } catch (error) {
    // The database went away mid-stream (the status and stamp are already sent): cut the connection, so the
    // consumer sees an aborted download (no final chunk), never a short body that looks whole.
    res.destroy();
    throw error;
  }
}

/** A changes page: NDJSON, one canonical change per line, `X-List-Seq` = the highest seq included. */
export async function sendChanges(res: Response, lastSeq: number, changes: readonly unknown[]): Promise<void> {
  res.status(200).set({ 'content-type': 'application/x-ndjson; charset=utf-8', 'x-list-seq': String(lastSeq), 'cache-control': 'no-store' });
  if (await writeAll(res, changes.map((change) => `${canonicalize(change)}\n`))) res.end();
}

export function wholeNumber(value: string, field: string): number {
  if (!/^\d{1,15}$/.test(value)) throw DomainError.badInput(`${field} must be a whole number ≥ 0`, { field, reason: 'INVALID_VALUE' });
  return Number(value);
}

export function snapshotFormat(value: string | undefined): SnapshotFormat {
  if (value === undefined || value === 'ndjson' || value === 'csv') return value ?? 'ndjson';
  throw DomainError.badInput('format must be ndjson or csv', { field: 'format', reason: 'INVALID_VALUE' });
}
