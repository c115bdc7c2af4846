import { escape } from 'mysql2';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One multi-row INSERT of entity rows, written as TypeORM would write them (column names, transformers and
 * the driver's value conversion from the entity's metadata) but without its query builder, whose parameter
 * bookkeeping grows with rows × columns and dominated recording 5,000 events (B1's profile). Every column
 * but generated ones is written; a row must give each non-nullable one. Values travel as one parameter
 * array, escaped by the driver. Nothing is read back; the driver's answer (first generated id, row count) is
 * returned for insertedIds, which turns it into the generated ids where the server guarantees them consecutive.
 */
export async function multiRowInsert<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<InsertHeader | undefined> {
  if (rows.length === 0) return undefined;
  const meta = em.connection.getMetadata(entity);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const driver = em.connection.driver;
  // A plain column is a plain property: read it directly (getEntityValue's checks for embeddeds and
  // relations cost more than the rest of the row's conversion at 5,000 rows).
  const read = columns.map((c) =>
    c.embeddedMetadata || c.relationMetadata || c.referencedColumn ? (row: Partial<T>) => c.getEntityValue(row) : (row: Partial<T>) => (row as ObjectLiteral)[c.propertyName],
  );
  const dates = new DateTexts((driver.options as { timezone?: string }).timezone ?? 'local');
  const values = rows.map((row) =>
    columns.map((c, k) => {
      const value: unknown = read[k](row);
      if (value === undefined) {
        if (!c.isNullable) throw new Error(`multiRowInsert: ${meta.tableName}.${c.databaseName} has no value`);
        return null;
      }
      const prepared: unknown = driver.preparePersistentValue(value, c);
      return prepared instanceof Date ? dates.text(prepared) : prepared;
    }),
  );
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  return (await em.query(`INSERT INTO ${driver.escape(meta.tableName)} (${names}) VALUES ?`, [values])) as InsertHeader;
}

/**
 * The SQL text of each distinct time in one statement, made once: a batch's rows share their write time, and
 * the driver formatting it anew for every row and column was a tenth of a 5,000-row INSERT's garbage (B1).
 * The text is the driver's own (mysql2's escape with the connection's time zone), handed over as a raw value.
 */
class DateTexts {
  private readonly byTime = new Map<number, { toSqlString(): string }>();

  constructor(private readonly timezone: string) {}

  text(date: Date): { toSqlString(): string } {
    let raw = this.byTime.get(date.getTime());
    if (!raw) {
      const text = escape(date, false, this.timezone);
      raw = { toSqlString: () => text };
      this.byTime.set(date.getTime(), raw);
    }
    return raw;
  }
}

/** The part of mysql2's answer to an INSERT that callers use. */
export interface InsertHeader {
  insertId: number | string;
  affectedRows: number;
}
