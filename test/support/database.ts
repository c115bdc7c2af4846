import { DataSource } from 'typeorm';
import { SeedDefaultRuleSets1795453724391 } from '../../migrations/1795453724391-SeedDefaultRuleSets';
import { AddListRulesToRuleSets1796406912720 } from '../../migrations/1796406912720-AddListRulesToRuleSets';

/**
 * Empties every table but the migrations table, puts the audit chain back at genesis and the default rule
 * sets back in place as the migrations leave them in a fresh database. TRUNCATE does not
 * fire the append-only triggers, which is what a test (and only a test) needs here.
 */
export async function resetDatabase(ds: DataSource): Promise<void> {
  const tables: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
  );
  await ds.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const t of tables) await ds.query(`TRUNCATE TABLE \`${t.name}\``);
  await ds.query('SET FOREIGN_KEY_CHECKS = 1');
  await ds.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64))`);
  const runner = ds.createQueryRunner();
  try {
    // The data migrations that shape the seeded rows, in migration order, as a fresh database has them.
    await new SeedDefaultRuleSets1795453724391().up(runner);
    await new AddListRulesToRuleSets1796406912720().up(runner);
  } finally {
    await runner.release();
  }
}
