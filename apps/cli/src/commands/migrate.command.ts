import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { info } from '../cli-output';

@Command({ name: 'migrate', description: 'apply pending migrations (or --revert the last one)' })
export class MigrateCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run(_args: string[], options: { revert?: boolean }): Promise<void> {
    if (options.revert) {
      await this.dataSource.undoLastMigration({ transaction: 'each' });
      info('reverted the last migration');
      return;
    }
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    info(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  }

  @Option({ flags: '--revert', description: 'revert the most recent migration' })
  parseRevert(): boolean {
    return true;
  }
}
