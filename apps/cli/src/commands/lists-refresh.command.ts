import { PenaltyExportService } from '@app/exports';
import { ListsRefreshService } from '@app/lists';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { info, out, progressBar } from '../cli-output';
import { refreshAllSubjects } from '../refresh-all';

interface RefreshFlags {
  all?: boolean;
}

/**
 * Brings every subject's lists and penalty export in line with its events (the rescore job does it per
 * subject as events change; this is for a deployment, a restore or a changed rule set). Idempotent: a second
 * run changes nothing.
 */
@Command({ name: 'lists:refresh', description: "--all: bring every subject's list entries and penalty export in line with its events" })
export class ListsRefreshCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lists: ListsRefreshService,
    private readonly exports: PenaltyExportService,
  ) {
    super();
  }

  async run(_: string[], flags: RefreshFlags): Promise<void> {
    if (!flags.all) {
      info('nothing to do: pass --all (single subjects are refreshed by the worker as their events change)');
      process.exitCode = 2;
      return;
    }
    const bar = progressBar('refreshing');
    const r = await refreshAllSubjects(this.dataSource, this.lists, this.exports, (done, total) => bar.update(done, total));
    bar.stop();
    out(`lists refreshed: ${r.subjects} subjects, ${r.listChanges} list changes, ${r.exportChanges} export changes`);
  }

  @Option({ flags: '--all', description: 'every subject' })
  parseAll(): boolean {
    return true;
  }
}
