import { ApiKeysService, Role } from '@app/auth';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { snapshot } from './list-feeds-support';

let api: TestApi;
let ndrc: string;
let port: number;
const ROWS = 40_000;

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  // A big list straight into the table (the feed reads ACTIVE entries): far more than a socket buffer holds.
  await api.dataSource.query(
    `INSERT INTO list_entries (entry_id, list, subject_id, subject_type, subject_key, subject_name, reason_code, severity, effective_from, status, created_at, updated_at)
     SELECT CONCAT('KS', LPAD(seq, 12, '0')), 'KEY_SUPERVISION', seq, 'MEDICAL_INSTITUTION', CONCAT('12120000', LPAD(seq, 10, '0')),
            CONCAT('一家名字相当长的定点医疗机构用来填满套接字缓冲区', seq), 'GRADE_D', 'GENERAL', '2026-01-01', 'ACTIVE', NOW(3), NOW(3)
       FROM seq_1_to_${ROWS}`,
  );
  await api.app.listen(0, '127.0.0.1');
  port = (api.app.getHttpServer().address() as AddressInfo).port;
});
afterAll(() => api.close());

/** Starts a snapshot download and drops the connection after the first bytes, as a failing client would. */
function abortAfterFirstChunk(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/feeds/lists/KEY_SUPERVISION/snapshot', headers: { authorization: `Bearer ${ndrc}` } }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)));
  });
}

describe('a consumer that drops a snapshot download', () => {
  it('releases the transaction and the connection at once: more aborted downloads than the pool has connections, then a full one', async () => {
    for (let i = 0; i < 14; i++) await abortAfterFirstChunk(); // DB_POOL_SIZE is 10
    const full = await snapshot(api, ndrc, 'KEY_SUPERVISION' as never);
    expect(full.rowCount).toBe(ROWS);
    expect(full.body.split('\n').filter((l) => l).length).toBe(ROWS);
  });
});
