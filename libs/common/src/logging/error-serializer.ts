import { stdSerializers } from 'pino';

/** Fields of database errors (TypeORM's QueryFailedError, mysql2's errors) that carry SQL text or row values. */
const DATA_FIELDS = ['query', 'parameters', 'sql', 'sqlMessage', 'driverError', 'message', 'stack'] as const;

/**
 * pino's `err` serializer without the SQL and values a database error carries: TypeORM copies the statement
 * and its parameters (names, free text) onto the error, and MariaDB's message quotes the offending value
 * ("Duplicate entry '…' for key …"). A database error is logged by its type and codes, with the stack's frames
 * but not its first line (the message again); any other error as pino logs it.
 */
export function safeErrorSerializer(err: unknown): Record<string, unknown> {
  const out = stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!isDatabaseError(err)) return out;
  for (const field of DATA_FIELDS) delete out[field];
  const e = err as Record<string, unknown>;
  const stack = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n') : undefined;
  return { ...out, message: 'database error (statement and values not logged)', code: e.code, errno: e.errno, sqlState: e.sqlState, stack };
}

function isDatabaseError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Record<string, unknown>;
  return 'query' in e || 'sql' in e || 'sqlMessage' in e || 'driverError' in e || (e as { name?: string }).name === 'QueryFailedError';
}
