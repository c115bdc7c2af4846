import { AuditModule, AuditService } from '@app/audit';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { resetDatabase } from '../support/database';
import { tamper } from '../support/tamper';

let app: INestApplicationContext;
let audit: AuditService;
let ds: DataSource;

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditModule] }).compile();
  app = await ref.init();
  audit = app.get(AuditService);
  ds = app.get(DataSource);
});
beforeEach(() => resetDatabase(ds));
afterAll(() => app.close());

const record = (i: number) => ({ actor: 'test', action: 'thing.do', targetType: 'thing', targetId: String(i), diff: { i } });

describe('audit log', () => {
  it('chains appends from concurrent writers without gaps', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => ds.transaction((em) => audit.append(em, [record(i), record(i + 100)]))));
    const rows: { seq: string }[] = await ds.query('SELECT seq FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, rows: 40, firstBad: null, head: { seq: '40' } });
  });

  it('rolls back with the write it describes', async () => {
    await expect(
      ds.transaction(async (em) => {
        await audit.append(em, [record(1)]);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await ds.query('SELECT COUNT(*) AS n FROM audit_log')).toEqual([{ n: '0' }]);
    expect((await audit.head()).seq).toBe('0');
  });

  it('refuses to append outside a transaction', async () => {
    await expect(audit.append(ds.manager, [record(1)])).rejects.toThrow(/active transaction/);
  });

  it('the database refuses UPDATE and DELETE of audit rows', async () => {
    await ds.transaction((em) => audit.append(em, [record(1)]));
    await expect(ds.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('names the first altered row (R4)', async () => {
    for (let i = 0; i < 5; i++) await ds.transaction((em) => audit.append(em, [record(i)]));
    await tamper(ds, `UPDATE audit_log SET diff = '{"i":99}' WHERE seq = 3`);
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toEqual({ seq: '3', problem: 'HASH_MISMATCH' });
  });

  it('names a deleted row as a gap', async () => {
    for (let i = 0; i < 5; i++) await ds.transaction((em) => audit.append(em, [record(i)]));
    await tamper(ds, `DELETE FROM audit_log WHERE seq = 2`);
    expect((await audit.verify()).firstBad).toEqual({ seq: '3', problem: 'SEQ_GAP' });
  });

  it('notices rows cut off the end of the chain', async () => {
    for (let i = 0; i < 3; i++) await ds.transaction((em) => audit.append(em, [record(i)]));
    await tamper(ds, `DELETE FROM audit_log WHERE seq = 3`);
    expect((await audit.verify()).ok).toBe(false);
  });
});
