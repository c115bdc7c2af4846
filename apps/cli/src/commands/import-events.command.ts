import { EventCsvImporter } from '@app/registry';
import { Command, CommandRunner, Option } from 'nest-commander';
import { existsSync } from 'node:fs';
import { cliActor, info, out, progressBar } from '../cli-output';

interface ImportFlags {
  report?: string;
  batchSize?: number;
}

@Command({
  name: 'import:events',
  arguments: '<file>',
  description: 'load events from a CSV file (header = recordEvents field names); rejected rows, if any, go to a report',
})
export class ImportEventsCommand extends CommandRunner {
  constructor(private readonly importer: EventCsvImporter) {
    super();
  }

  async run([file]: string[], flags: ImportFlags): Promise<void> {
    const reportPath = flags.report ?? `${file}.rejected.csv`;
    const bar = progressBar('importing');
    const summary = await this.importer.import(file, {
      actor: cliActor(),
      reportPath,
      batchSize: flags.batchSize,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    out(`rows ${summary.rows}, created ${summary.created}, duplicates ${summary.duplicates}, rejected ${summary.rejected}`);
    if (summary.reportPath) out(`rejected rows report: ${summary.reportPath}`);
    // No report for a run that rejects nothing; one left by an earlier run is not this run's, and not touched.
    else if (existsSync(reportPath)) info(`no rows rejected; ${reportPath} is an earlier run's report (left as it was)`);
    if (summary.rejected > 0) process.exitCode = 3;
  }

  @Option({ flags: '--report <path>', description: 'where to write the rejected rows, if any (default FILE.rejected.csv)' })
  parseReport(value: string): string {
    return value;
  }

  @Option({ flags: '--batch-size <n>', description: 'rows per transaction (1–5000, default 1000)' })
  parseBatchSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error('--batch-size must be a whole number from 1 to 5000');
    return n;
  }
}
