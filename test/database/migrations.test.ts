import { loadConfig } from '@app/config';
import { DEFAULT_RULE_SETS, SubjectType, validateRuleSet } from '@app/credit';
import { MIGRATIONS, typeOrmOptions } from '@app/database';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AddListRulesToRuleSets1796406912720 } from '../../migrations/1796406912720-AddListRulesToRuleSets';
import { ClusterDisclosureItems1796420000000 } from '../../migrations/1796420000000-ClusterDisclosureItems';
import { recreateDatabase } from '../support/global-setup';
import { ROOT } from '../support/test-env';

// A database of its own: this suite migrates down to nothing and up again.
const env = { ...process.env, DB_NAME: `${process.env.DB_NAME}_migrations` } as Record<string, string>;
let ds: DataSource;

async function pendingSchemaChanges(): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
/**
 * Columns whose collation differs from what the entities say (TypeORM's schema diff ignores collations, so
 * migration:generate cannot catch this). An entity column without `collation` has the database default;
 * MariaDB's JSON columns are always utf8mb4_bin.
 */
async function collationDrift(): Promise<string[]> {
  const [{ fallback }] = await ds.query('SELECT @@collation_database AS fallback');
  const rows: { t: string; c: string; collation: string }[] = await ds.query(
    `SELECT table_name AS t, column_name AS c, collation_name AS collation FROM information_schema.columns
      WHERE table_schema = DATABASE() AND collation_name IS NOT NULL`,
  );
  const actual = new Map(rows.map((r) => [`${r.t}.${r.c}`, r.collation]));
  const drift: string[] = [];
  for (const entity of ds.entityMetadatas) {
    for (const column of entity.columns) {
      if (column.type === 'json') continue;
      const found = actual.get(`${entity.tableName}.${column.databaseName}`);
      const expected = column.collation ?? fallback;
      if (found !== undefined && found !== expected) drift.push(`${entity.tableName}.${column.databaseName}: ${found}, entity says ${expected}`);
    }
  }
  return drift;
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
    expect(await collationDrift()).toEqual([]);
  });

  it('compare idempotency keys byte for byte (binary collation on events.source_system and source_ref)', async () => {
    const rows: { c: string; collation: string }[] = await ds.query(
      `SELECT column_name AS c, collation_name AS collation FROM information_schema.columns
        WHERE table_schema = DATABASE() AND table_name = 'events' AND column_name IN ('source_system', 'source_ref') ORDER BY column_name`,
    );
    expect(rows).toEqual([
      { c: 'source_ref', collation: 'utf8mb4_bin' },
      { c: 'source_system', collation: 'utf8mb4_bin' },
    ]);
  });

  it('all go down to an empty schema and up again to the same schema', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['api_keys', 'audit_log', 'audit_head']));
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(before);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await collationDrift()).toEqual([]);
  });

  it('leave the stored rule sets equal to the defaults of libs/credit and valid, lists included', async () => {
    const rows: { body: string | object }[] = await ds.query('SELECT body FROM rule_sets');
    const bodies = rows.map((r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body));
    expect(bodies).toHaveLength(Object.values(SubjectType).length);
    for (const body of bodies) {
      expect(body).toEqual(DEFAULT_RULE_SETS[body.subjectType as SubjectType]);
      expect(validateRuleSet(body)).toEqual([]);
    }
  });

  it('add the default lists to a stored rule set lacking them, and take back only those on the way down', async () => {
    const migration = new AddListRulesToRuleSets1796406912720();
    const runner = ds.createQueryRunner();
    const withoutLists = { ...structuredClone(DEFAULT_RULE_SETS.PHARMACY), version: 2, effectiveFrom: '2027-01-01' } as Record<string, unknown>;
    delete withoutLists.lists;
    const own = structuredClone(DEFAULT_RULE_SETS.PHARMACY) as unknown as { lists: { general: { publicationMonths: number } } };
    own.lists.general.publicationMonths = 6;
    const ownLists = { ...own, version: 3, effectiveFrom: '2028-01-01' };
    const body = async (version: number) => {
      const [row] = await ds.query(`SELECT body FROM rule_sets WHERE subject_type = 'PHARMACY' AND version = ?`, [version]);
      return typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
    };
    try {
      for (const rs of [withoutLists, ownLists]) {
        await ds.query(
          `INSERT INTO rule_sets (subject_type, version, effective_from, body, published_at, published_by) VALUES ('PHARMACY', ?, ?, ?, UTC_TIMESTAMP(3), 'test')`,
          [rs.version, rs.effectiveFrom, JSON.stringify(rs)],
        );
      }
      await migration.up(runner);
      expect((await body(2)).lists).toEqual(DEFAULT_RULE_SETS.PHARMACY.lists);
      expect((await body(3)).lists.general.publicationMonths).toBe(6); // never replaced
      await migration.down(runner);
      expect((await body(1)).lists).toBeUndefined();
      expect((await body(2)).lists).toBeUndefined();
      expect((await body(3)).lists.general.publicationMonths).toBe(6); // a region's own list rules stay
      await migration.up(runner);
      expect(await body(1)).toEqual(DEFAULT_RULE_SETS.PHARMACY);
    } finally {
      await ds.query(`DELETE FROM rule_sets WHERE published_by = 'test'`);
      await runner.release();
    }
  });

  it('key disclosure items by (disclosure, item key) and back, keeping every row and its withdrawal', async () => {
    const migration = new ClusterDisclosureItems1796420000000();
    const runner = ds.createQueryRunner();
    const primaryKey = async (): Promise<string[]> =>
      (
        (await ds.query(
          `SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'disclosure_items' AND index_name = 'PRIMARY' ORDER BY seq_in_index`,
        )) as { c: string }[]
      ).map((r) => r.c);
    const rows = (): Promise<unknown[]> =>
      ds.query('SELECT disclosure_id, item_key, event_id, publication_end, withdrawn_on, withdrawal_reason FROM disclosure_items ORDER BY disclosure_id, item_key');
    try {
      expect(await primaryKey()).toEqual(['disclosure_id', 'item_key']);
      await migration.down(runner);
      expect(await primaryKey()).toEqual(['id']);
      await ds.query(
        `INSERT INTO disclosure_items (disclosure_id, item_key, event_id, publication_end, withdrawn_on, withdrawal_reason) VALUES
           (9001, 'PN-2', 2, '2027-07-01', NULL, NULL), (9001, 'PN-1', 1, '2027-07-01', '2026-08-01', '原决定已撤销'), (9002, 'PN-1', 1, '2027-07-01', NULL, NULL)`,
      );
      const before = await rows();
      expect(before).toHaveLength(3);
      await migration.up(runner);
      expect(await primaryKey()).toEqual(['disclosure_id', 'item_key']);
      expect(await rows()).toEqual(before);
      await expect(ds.query(`INSERT INTO disclosure_items (disclosure_id, item_key, publication_end) VALUES (9001, 'PN-1', '2027-07-01')`)).rejects.toThrow(/Duplicate/);
      await migration.down(runner);
      expect(await primaryKey()).toEqual(['id']);
      expect(await rows()).toEqual(before);
      expect(new Set(((await ds.query('SELECT id FROM disclosure_items')) as { id: string }[]).map((r) => String(r.id))).size).toBe(3);
      await expect(ds.query(`INSERT INTO disclosure_items (disclosure_id, item_key, publication_end) VALUES (9002, 'PN-1', '2027-07-01')`)).rejects.toThrow(/Duplicate/);
      await migration.up(runner);
      expect(await pendingSchemaChanges()).toEqual([]);
    } finally {
      await ds.query('DELETE FROM disclosure_items WHERE disclosure_id IN (9001, 9002)');
      await runner.release();
    }
  });
});
