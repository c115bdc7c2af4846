import { PenaltyExportService } from '@app/exports';
import { ListsRefreshService } from '@app/lists';
import { FullRescoreService } from '@app/ratings';
import { EventsService, MAX_BATCH_ITEMS, SubjectsService } from '@app/registry';
import { shanghaiDate } from '@app/credit';
import { generateDemoData } from '@app/demo';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { cliActor, info, out, progressBar } from '../cli-output';
import { refreshAllSubjects } from '../refresh-all';

interface SeedFlags {
  scale?: number;
  seed?: number;
  ifEmpty?: boolean;
}

@Command({ name: 'demo:seed', description: 'load a realistic, seeded demo data set through the service path' })
export class DemoSeedCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: SubjectsService,
    private readonly events: EventsService,
    private readonly fullRescore: FullRescoreService,
    private readonly lists: ListsRefreshService,
    private readonly exports: PenaltyExportService,
  ) {
    super();
  }

  async run(_: string[], flags: SeedFlags): Promise<void> {
    if (flags.ifEmpty && (await this.dataSource.query('SELECT 1 FROM subjects LIMIT 1')).length > 0) {
      info('demo:seed: the database already has subjects; nothing loaded');
      return;
    }
    const data = generateDemoData({ seed: flags.seed ?? 1, scale: flags.scale ?? 1, today: shanghaiDate(new Date()) });
    const actor = cliActor();
    const subjects = [...data.organisations, ...data.practitioners, ...data.insuredPersons];
    const total = subjects.length + data.events.length;
    const bar = progressBar('seeding');
    let done = 0;
    // Organisations first: practitioners name them as employers.
    for (const group of [data.organisations, data.practitioners, data.insuredPersons]) {
      for (const batch of chunks(group)) {
        await this.subjects.register(batch, actor);
        bar.update((done += batch.length), total);
      }
    }
    let created = 0;
    for (const batch of chunks(data.events)) {
      created += (await this.events.record(batch, actor)).created;
      bar.update((done += batch.length), total);
    }
    bar.stop();
    // Every subject rated before anyone looks (the worker would get there too, from the outbox, but a demo
    // opened at once should show every subject's grade, and the grade filter should find them all).
    const rated = await this.fullRescore.run();
    // …and on its lists and in the penalty export, as the worker would put them.
    const listed = await refreshAllSubjects(this.dataSource, this.lists, this.exports);
    out(
      `demo data: ${subjects.length} subjects, ${created} new events (${data.events.length - created} already there), ${rated.done} subjects rated, ` +
        `${listed.listChanges} list changes, ${listed.exportChanges} export changes`,
    );
  }

  @Option({ flags: '--scale <n>', description: 'size multiplier (default 1: about 1,200 subjects and 3,000 events)' })
  parseScale(value: string): number {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new Error('--scale must be a number above 0 and at most 1000');
    return n;
  }

  @Option({ flags: '--seed <n>', description: 'random seed (default 1): the same seed gives the same data' })
  parseSeed(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new Error('--seed must be a whole number');
    return n;
  }

  @Option({ flags: '--if-empty', description: 'do nothing when subjects exist (what npm start uses)' })
  parseIfEmpty(): boolean {
    return true;
  }
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += MAX_BATCH_ITEMS) yield items.slice(i, i + MAX_BATCH_ITEMS);
}
