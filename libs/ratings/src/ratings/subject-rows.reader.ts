import { SubjectType } from '@app/credit';
import { EntityManager } from 'typeorm';

/** What rating needs of a subject, as raw columns (the registry's table, read by ratings; never written). */
export interface SubjectRow {
  id: string | number;
  type: SubjectType;
  credit_code: string | null;
  agreement_signed_on: string | null;
  event_revision: number;
}

const COLUMNS = 'id, type, credit_code, agreement_signed_on, event_revision';

/** Subjects by id; `lock` takes their rows FOR UPDATE (an event cannot change them until commit). */
export function subjectRowsByIds(em: EntityManager, ids: readonly string[], lock = false): Promise<SubjectRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return em.query(`SELECT ${COLUMNS} FROM subjects WHERE id IN (?)${lock ? ' FOR UPDATE' : ''}`, [ids]);
}

/** The next `limit` subjects after `afterId` (of one type, if given), in id order: keyset paging for whole-population passes. */
export function subjectRowsAfter(em: EntityManager, afterId: string, limit: number, type?: SubjectType): Promise<SubjectRow[]> {
  return type
    ? em.query(`SELECT ${COLUMNS} FROM subjects WHERE type = ? AND id > ? ORDER BY id LIMIT ?`, [type, afterId, limit])
    : em.query(`SELECT ${COLUMNS} FROM subjects WHERE id > ? ORDER BY id LIMIT ?`, [afterId, limit]);
}

/** Subjects by id or by credit code, each with the key it was found by (`key_value`), as of `createdBy` if given. */
export function subjectRowsByKeys(
  em: EntityManager,
  keys: readonly string[],
  byCode: boolean,
  createdBy: Date | null = null,
): Promise<(SubjectRow & { key_value: string })[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const keyColumn = byCode ? 'credit_code' : 'id';
  return em.query(
    `SELECT ${COLUMNS}, CAST(${keyColumn} AS CHAR) AS key_value FROM subjects WHERE ${keyColumn} IN (?)${createdBy ? ' AND created_at <= ?' : ''}`,
    createdBy ? [keys, createdBy] : [keys],
  );
}
