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
  const values = rows.map((row) =>
    columns.map((c, k) => {
      const value: unknown = read[k](row);
      if (value === undefined) {
        if (!c.isNullable) throw new Error(`multiRowInsert: ${meta.tableName}.${c.databaseName} has no value`);
        return null;
      }
      return driver.preparePersistentValue(value, c);
    }),
  );
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  return (await em.query(`INSERT INTO ${driver.escape(meta.tableName)} (${names}) VALUES ?`, [values])) as InsertHeader;
}

/** The part of mysql2's answer to an INSERT that callers use. */
export interface InsertHeader {
  insertId: number | string;
  affectedRows: number;
}
