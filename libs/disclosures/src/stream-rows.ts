import { EntityManager, QueryFailedError } from 'typeorm';

interface StreamingQuery {
  on(event: 'result', listener: (row: unknown) => void): StreamingQuery;
  on(event: 'error', listener: (error: Error) => void): StreamingQuery;
  on(event: 'end', listener: () => void): StreamingQuery;
}

interface StreamingConnection {
  query(options: { sql: string; values: unknown[] }): StreamingQuery;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Runs one SELECT on the transaction's own connection and hands each row to `onRow` as its packet is parsed,
 * instead of collecting the result set first (TypeORM's `query` only collects). The server produces rows while
 * Node works on those already received, and each row object dies young: a collected page of 10,000 rows lived
 * through every garbage collection of its own processing. TCP holds the server back when Node is slower.
 *
 * An error thrown by `onRow` stops the processing: the remaining rows are read and dropped, and the promise
 * rejects with that error once the statement is over (the connection stays usable; the caller's failure rolls
 * the transaction back). A server error rejects as TypeORM's QueryFailedError, as `em.query`'s do. A lost
 * connection is reported by the driver on the connection, not on a statement without a callback: it is
 * listened for there, so a server restarted mid-read fails the read instead of leaving it waiting.
 */
export function streamRows<Row>(em: EntityManager, sql: string, values: unknown[], onRow: (row: Row) => void): Promise<void> {
  const connection = (em.queryRunner as unknown as { databaseConnection?: StreamingConnection } | undefined)?.databaseConnection;
  if (!connection) return Promise.reject(new Error('streamRows must run inside a transaction'));
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      connection.removeListener('error', lost);
      if (error === null) resolve();
      else reject(error);
    };
    const driverFailure = (error: Error): QueryFailedError => new QueryFailedError(sql, values, error);
    const lost = (error: Error): void => settle(driverFailure(error));
    connection.on('error', lost);
    connection
      .query({ sql, values })
      .on('result', (row) => {
        if (failure !== null) return;
        try {
          onRow(row as Row);
        } catch (e) {
          failure = e;
        }
      })
      .on('error', (error) => {
        failure ??= driverFailure(error);
      })
      .on('end', () => settle(failure));
  });
}
