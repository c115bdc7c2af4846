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
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}
