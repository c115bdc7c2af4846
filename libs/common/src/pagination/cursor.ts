import { DomainError } from '../errors';

/**
 * Opaque keyset cursors: the sort key of the last row a page returned, as base64url JSON. Keyset paging
 * (WHERE key > cursor ORDER BY key LIMIT n) stays fast on big tables, where OFFSET does not.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const scalar = (k: unknown) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k));
    if (Array.isArray(key) && key.length === arity && key.every(scalar)) {
      return key as (string | number)[];
    }
  } catch {
    // fall through: any malformed cursor is the caller's error
  }
  throw DomainError.badInput('the cursor is not one this API issued', { field, reason: 'INVALID_CURSOR' });
}

/** Clamps a requested page size; `first` beyond the limit is an error rather than a silent cut. */
export function pageSize(first: number | null | undefined, fallback: number, max: number, field = 'first'): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw DomainError.badInput(`${field} must be between 1 and ${max}`, { field, reason: 'INVALID_PAGE_SIZE' });
  }
  return first;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a page from rows fetched with LIMIT size + 1 (the extra row only says whether there is more). */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last === undefined ? null : encodeCursor(keyOf(last)) },
  };
}
