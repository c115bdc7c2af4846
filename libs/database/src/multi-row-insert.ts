import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One multi-row INSERT of entity rows, written as TypeORM would write them (column names, transformers and
 * the driver's value conversion from the entity's metadata) but without its query builder, whose parameter
 * bookkeeping grows with rows × columns and dominated recording 5,000 events (B1's profile). Every column
 * but generated ones is written; a row must give each non-nullable one. Values travel as one parameter
 * array, escaped by the driver. Nothing is read back: callers that need generated ids select them by a key.
 */
export async function multiRowInsert<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.connection.getMetadata(entity);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const driver = em.connection.driver;
  const values = rows.map((row) =>
    columns.map((c) => {
      const value: unknown = c.getEntityValue(row);
      if (value === undefined) {
        if (!c.isNullable) throw new Error(`multiRowInsert: ${meta.tableName}.${c.databaseName} has no value`);
        return null;
      }
      return driver.preparePersistentValue(value, c);
    }),
  );
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  await em.query(`INSERT INTO ${driver.escape(meta.tableName)} (${names}) VALUES ?`, [values]);
}
