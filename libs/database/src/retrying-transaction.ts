import { DomainError } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** MariaDB errors after which the whole transaction may simply run again. */
const RETRYABLE = new Set([
  'ER_DUP_ENTRY', // a concurrent writer inserted the same unique key first: the re-run sees it as existing
  'ER_LOCK_DEADLOCK', // InnoDB chose this transaction as the deadlock victim
  'ER_LOCK_WAIT_TIMEOUT',
]);

export interface RetryingTransactionOptions {
  isolation?: IsolationLevel;
  attempts?: number;
}

/**
 * Runs `work` in a transaction and runs it again, from the start, when it lost a race that the database
 * detected. The unique keys are the real guarantee (BullMQ and HTTP clients both retry); this turns their
 * rejection of a concurrent duplicate into the same answer the later caller would have got a moment after.
 * `work` must therefore be safe to repeat: all its effects are inside the transaction.
 *
 * A duplicate key that is still there after the last attempt is a conflict with stored data that the work did
 * not foresee, not a server fault: it ends as a CONFLICT, never as a raw driver error (INTERNAL).
 */
export async function retryingTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  { isolation = 'READ COMMITTED', attempts = 4 }: RetryingTransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(isolation, work);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) throw isDuplicateKey(error) ? duplicateKeyConflict() : error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

export function isRetryable(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && RETRYABLE.has(code);
}

/** A unique or primary key refused a row (MariaDB ER_DUP_ENTRY), as the driver or TypeORM reports it. */
export function isDuplicateKey(error: unknown): boolean {
  return driverCode(error) === 'ER_DUP_ENTRY';
}

/** The caller-facing form of a duplicate key: CONFLICT, with neither the duplicated value nor any SQL. */
export function duplicateKeyConflict(): DomainError {
  return DomainError.conflict('the write collides with data stored by another request (a duplicate key); nothing was stored', {
    reason: 'DUPLICATE_KEY',
  });
}

function driverCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
