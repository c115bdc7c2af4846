import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse';
import { createReadStream, createWriteStream, statSync, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { EventsService } from '../events/events.service';
import { CsvRecordLines } from './csv-record-lines';
import { checkEventCsvHeader } from './event-csv-header';
import { eventItemFromCsvRow } from './event-csv-row';
import { formatRejectedRow, REJECTED_ROWS_HEADER, RejectedRow } from './rejected-rows-report';

export interface ImportOptions {
  actor: string;
  reportPath: string;
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface ImportSummary {
  rows: number;
  created: number;
  duplicates: number;
  rejected: number;
  /** Where this run's rejected rows went; null when it rejected none (then it wrote no report). */
  reportPath: string | null;
}

interface PendingRow {
  line: number;
  cells: string[];
  item: unknown;
}

/**
 * `import:events FILE.csv`: streams the file (constant memory), converts and validates each row, loads the
 * valid ones in batches through EventsService (the same path as the API, so the same idempotency and outbox),
 * and writes every rejected row with its reason to a CSV report. Re-running a file adds nothing: its rows
 * come back as duplicates. The report is created with the first rejected row: a run that rejects nothing
 * writes none, and leaves a report of an earlier run at that path as it was (the command says so).
 */
@Injectable()
export class EventCsvImporter {
  constructor(private readonly events: EventsService) {}

  async import(file: string, options: ImportOptions): Promise<ImportSummary> {
    const total = statSync(file).size;
    const input = createReadStream(file);
    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, raw: true }));
    const summary: ImportSummary = { rows: 0, created: 0, duplicates: 0, rejected: 0, reportPath: null };
    let report: WriteStream | null = null;
    let reportError: Error | undefined;
    const write = (r: RejectedRow) => {
      if (!report) {
        report = createWriteStream(options.reportPath, { encoding: 'utf8' });
        report.on('error', (e) => (reportError ??= e)); // e.g. a folder that cannot be written: reported at the end
        report.write(`${REJECTED_ROWS_HEADER}\n`);
        summary.reportPath = options.reportPath;
      }
      summary.rejected++;
      report.write(`${formatRejectedRow(r)}\n`);
    };
    try {
      await this.readRows(parser, options, summary, write, () => options.onProgress?.(input.bytesRead, total));
    } finally {
      input.destroy();
      await closeReport(report);
    }
    if (reportError) throw reportError;
    return summary;
  }

  private async readRows(
    parser: AsyncIterable<{ record: string[]; raw: string }>,
    options: ImportOptions,
    summary: ImportSummary,
    reject: (r: RejectedRow) => void,
    progress: () => void,
  ): Promise<void> {
    const lines = new CsvRecordLines();
    const batchSize = options.batchSize ?? 1000;
    let columns: string[] | null = null;
    let pending: PendingRow[] = [];
    let refused: RejectedRow[] = [];
    // Rejections are written per batch in line order, so the report reads like the file.
    const flush = async () => {
      refused.push(...(await this.load(pending, columns!, options.actor, summary)));
      for (const r of refused.sort((a, b) => a.line - b.line)) reject(r);
      pending = [];
      refused = [];
      progress();
    };
    for await (const { record, raw } of parser) {
      const line = lines.startOf(raw);
      if (!columns) {
        columns = this.header(record);
        continue;
      }
      summary.rows++;
      const converted = eventItemFromCsvRow(record, columns);
      if ('issue' in converted) refused.push(rejectedRow(line, record, columns, converted.issue));
      else pending.push({ line, cells: record, item: converted.item });
      if (pending.length >= batchSize) await flush();
    }
    if (!columns) throw DomainError.badInput('the file is empty: a header row is required', { field: 'header', reason: 'MISSING_COLUMN' });
    await flush();
  }

  private header(record: string[]): string[] {
    const checked = checkEventCsvHeader(record);
    if (!checked.ok) throw DomainError.badInput(checked.message, { field: 'header', reason: checked.reason, columns: checked.columns });
    return checked.columns;
  }

  /** Loads one batch; returns the rows the service refused (unknown subject, conflict …). */
  private async load(rows: PendingRow[], columns: string[], actor: string, summary: ImportSummary): Promise<RejectedRow[]> {
    if (rows.length === 0) return [];
    const result = await this.events.record(rows.map((r) => r.item), actor, 'skip-rejected');
    summary.created += result.created;
    summary.duplicates += result.duplicates;
    return result.rejected.map((r) => rejectedRow(rows[r.index].line, rows[r.index].cells, columns, r));
  }
}

async function closeReport(report: WriteStream | null): Promise<void> {
  if (!report || report.destroyed) return;
  report.end();
  await once(report, 'close').catch(() => undefined); // an error is already in reportError
}

function rejectedRow(line: number, cells: string[], columns: string[], problem: { field: string; reason: string; message: string }): RejectedRow {
  const cell = (name: string) => cells[columns.indexOf(name)] ?? null;
  return { line, sourceSystem: cell('sourceSystem'), sourceRef: cell('sourceRef'), ...problem };
}
