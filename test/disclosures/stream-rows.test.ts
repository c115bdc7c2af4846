import { loadConfig } from '@app/config';
import { typeOrmOptions } from '@app/database';
import { streamRows } from '@app/disclosures/stream-rows';
import { DataSource, QueryFailedError } from 'typeorm';

// The disclosure builder reads a period's penalty decisions as one streamed statement on its transaction's
// connection: rows in order, all of them, and every way it can fail ends the read (never a hang) and leaves
// the transaction's connection usable.
let ds: DataSource;

beforeAll(async () => {
  ds = new DataSource(typeOrmOptions(loadConfig()));
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
});

/** 1..n from a recursive CTE (no table needed; MariaDB stops one at 1,000 iterations unless told otherwise). */
const NUMBERS = 'SET STATEMENT max_recursive_iterations = 10000000 FOR WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i, CONCAT(?, i) AS label FROM n ORDER BY i';

describe('streamRows', () => {
  it('hands over every row in order, typed as em.query types them, inside the transaction', async () => {
    const seen: { i: number; label: string }[] = [];
    const inTransaction = await ds.transaction(async (em) => {
      await streamRows<{ i: string | number; label: string }>(em, NUMBERS, [25_000, '第'], (r) => seen.push({ i: Number(r.i), label: r.label }));
      const viaQuery: { i: string | number; label: string }[] = await em.query(NUMBERS, [3, '第']);
      return viaQuery;
    });
    expect(seen).toHaveLength(25_000);
    expect(seen.every((r, k) => r.i === k + 1 && r.label === `第${k + 1}`)).toBe(true);
    expect(inTransaction.map((r) => r.label)).toEqual(['第1', '第2', '第3']);
  });

  it("rejects with the handler's error after the statement, and the connection goes on serving the transaction", async () => {
    let calls = 0;
    const after = await ds.transaction(async (em) => {
      const failure = await streamRows(em, NUMBERS, [5_000, 'x'], () => {
        calls++;
        if (calls === 10) throw new RangeError('bad row');
      }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(RangeError);
      return em.query('SELECT 42 AS answer');
    });
    expect(calls).toBe(10); // the rest of the rows were read and dropped, not handled
    expect(Number(after[0].answer)).toBe(42);
  });

  it('rejects a server error as QueryFailedError, as em.query does', async () => {
    await ds.transaction(async (em) => {
      const failure = await streamRows(em, 'SELECT no_such_column FROM no_such_table_here', [], () => undefined).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(QueryFailedError);
      expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('ER_NO_SUCH_TABLE');
      expect(Number((await em.query('SELECT 1 AS one'))[0].one)).toBe(1);
    });
  });

  it('fails, rather than waits, when the connection is killed mid-read', async () => {
    const failure = await ds
      .transaction(async (em) => {
        const [{ id }] = await em.query('SELECT CONNECTION_ID() AS id');
        let killed = false;
        await streamRows(em, 'SET STATEMENT max_recursive_iterations = 100000 FOR WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i, SLEEP(0.001) AS s FROM n', [], () => {
          if (killed) return;
          killed = true;
          void ds.query(`KILL ${Number(id)}`);
        });
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('PROTOCOL_CONNECTION_LOST');
    // The pool still serves.
    expect(Number((await ds.query('SELECT 1 AS one'))[0].one)).toBe(1);
  });

  it('refuses to run outside a transaction (the rows would come from an arbitrary pooled connection)', async () => {
    await expect(streamRows(ds.manager, 'SELECT 1', [], () => undefined)).rejects.toThrow(/inside a transaction/);
  });
});
