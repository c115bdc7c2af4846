import { DataSource } from 'typeorm';

/** What an attacker with DBA rights would do: lift the trigger, change the row, put the trigger back. */
export async function tamper(ds: DataSource, sql: string): Promise<void> {
  const kind = sql.startsWith('DELETE') ? 'delete' : 'update';
  await ds.query(`DROP TRIGGER audit_log_no_${kind}`);
  try {
    await ds.query(sql);
  } finally {
    await ds.query(
      `CREATE TRIGGER audit_log_no_${kind} BEFORE ${kind.toUpperCase()} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
    );
  }
}
