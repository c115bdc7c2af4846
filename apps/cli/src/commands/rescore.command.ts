import { FullRescoreBusyError, FullRescoreService } from '@app/ratings';
import { Command, CommandRunner, Option } from 'nest-commander';
import { info, out, progressBar } from '../cli-output';

/** `rescore --all` while another full rescore runs: distinct from 1 (a bug) and 2 (bad input), so scripts can retry. */
export const BUSY_EXIT_CODE = 4;

interface RescoreFlags {
  all?: boolean;
  chunkSize?: number;
}

@Command({ name: 'rescore', description: 'rescore subjects: --all rates every subject as of today (resumes an interrupted run)' })
export class RescoreCommand extends CommandRunner {
  constructor(private readonly fullRescore: FullRescoreService) {
    super();
  }

  async run(_: string[], flags: RescoreFlags): Promise<void> {
    if (!flags.all) {
      info('nothing to do: pass --all (single subjects are rescored by the worker as their events change)');
      process.exitCode = 2;
      return;
    }
    const bar = progressBar('rescoring');
    let result;
    try {
      result = await this.fullRescore.run({ chunkSize: flags.chunkSize, onProgress: (p) => bar.update(p.done, p.total) });
    } catch (e) {
      if (!(e instanceof FullRescoreBusyError)) throw e;
      // Another run (the nightly job, or another operator) holds the lock: refuse, touch nothing.
      info(`error: ${e.message}`);
      process.exitCode = BUSY_EXIT_CODE;
      return;
    } finally {
      bar.stop();
    }
    out(`full rescore run ${result.runId}: ${result.done} subjects, ${result.changed} ratings changed`);
  }

  @Option({ flags: '--all', description: 'every subject' })
  parseAll(): boolean {
    return true;
  }

  @Option({ flags: '--chunk-size <n>', description: 'subjects per transaction (1–10000, default 1000)' })
  parseChunkSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error('--chunk-size must be a whole number from 1 to 10000');
    return n;
  }
}
