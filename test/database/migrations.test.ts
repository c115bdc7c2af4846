import { loadConfig } from '@app/config';
import { MIGRATIONS, typeOrmOptions } from '@app/database';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { recreateDatabase } from '../support/global-setup';
import { ROOT } from '../support/test-env';

// A database of its own: this suite migrates down to nothing and up again.
const env = { ...process.env, DB_NAME: `${process.env.DB_NAME}_migrations` } as Record<string, string>;
let ds: DataSource;

async function pendingSchemaChanges(): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
async function tables(): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  await recreateDatabase(env);
  ds = new DataSource(typeOrmOptions(loadConfig(env, [])));
  await ds.initialize();
});
afterAll(() => ds.destroy());

describe('migrations', () => {
  it('registers every file in migrations/, in timestamp order', () => {
    const files = readdirSync(join(ROOT, 'migrations')).filter((f) => f.endsWith('.ts')).sort();
    const names = files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1'));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(names);
  });

  it('run up from nothing, leave no drift against the entities (migration:generate would write nothing)', async () => {
    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.showMigrations()).toBe(false);
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('all go down to an empty schema and up again to the same schema', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['api_keys', 'audit_log', 'audit_head']));
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(before);
    expect(await pendingSchemaChanges()).toEqual([]);
  });
});
