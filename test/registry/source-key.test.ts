import { Role } from '@app/auth';
import { DomainError } from '@app/common';
import { retryingTransaction } from '@app/database';
import { EventCsvImporter } from '@app/registry';
import { mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { formatError } from '../../apps/api/src/graphql/format-error';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { count, createKey, hospital, orgCode, orgEvent, record, register, SOURCE } from './registry-helpers';

/**
 * The idempotency key (sourceSystem, sourceRef) is compared byte for byte: a case or width variant of a
 * known reference is another case file, not the same one, and never a duplicate-key failure.
 */

let api: TestApi;
let regulator: string;
let hospitalId: string;

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  regulator = await createKey(api, Role.REGULATOR);
  [{ id: hospitalId }] = await register(api, regulator, [hospital(1)]);
});
afterAll(() => api.close());

// Variants that a case-insensitive (or width-insensitive) collation would fold together.
const VARIANTS = ['ref-1', 'REF-1', 'Ref-1', 'ＲＥＦ-1', 'ｒｅｆ-1'];

describe('sourceRef and sourceSystem are compared exactly', () => {
  it('records a case or width variant of a known sourceRef as another event, in separate calls', async () => {
    const ids: string[] = [];
    for (const ref of VARIANTS) {
      const result = await record(api, regulator, [orgEvent(ref, { subjectId: hospitalId })]);
      expect(result).toMatchObject({ created: 1, duplicates: 0, events: [{ sourceRef: ref }] });
      ids.push(result.events[0].id);
    }
    expect(new Set(ids).size).toBe(VARIANTS.length);
    // Each stored exactly as sent, and a resend of each is still its own duplicate.
    const stored: { id: string; source_ref: string }[] = await api.dataSource.query('SELECT id, source_ref FROM events ORDER BY id');
    expect(stored.map((r) => r.source_ref)).toEqual(VARIANTS);
    const again = await record(api, regulator, VARIANTS.map((ref) => orgEvent(ref, { subjectId: hospitalId })));
    expect(again).toEqual({ created: 0, duplicates: VARIANTS.length, events: VARIANTS.map((ref, i) => ({ id: ids[i], sourceRef: ref })) });
  });

  it('records the variants within one batch as distinct events', async () => {
    const result = await record(api, regulator, VARIANTS.map((ref) => orgEvent(ref, { subjectId: hospitalId })));
    expect(result.created).toBe(VARIANTS.length);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(VARIANTS.length);
    expect(await count(api.dataSource, 'events')).toBe(VARIANTS.length);
  });

  it('keeps sourceSystem exact too', async () => {
    const systems = [SOURCE, SOURCE.toLowerCase(), 'ＴＥＳＴ-CASES'];
    for (const sourceSystem of systems) {
      expect(await record(api, regulator, [orgEvent('R-1', { subjectId: hospitalId, sourceSystem })])).toMatchObject({ created: 1 });
    }
    expect(await count(api.dataSource, 'events')).toBe(systems.length);
  });

  it('imports a CSV file holding such variants: every row its own event, and a re-run adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'source-key-'));
    const file = join(dir, 'variants.csv');
    const lines = ['sourceSystem,sourceRef,creditCode,type,occurredOn,decidedOn'];
    for (const ref of VARIANTS) lines.push(`tj-case,${ref},${orgCode(1)},INTERVIEW,2026-01-05,2026-02-01`);
    lines.push(`TJ-CASE,ref-1,${orgCode(1)},INTERVIEW,2026-01-05,2026-02-01`);
    writeFileSync(file, lines.join('\n') + '\n', 'utf8');
    const importer = api.app.get(EventCsvImporter);
    const options = { actor: 'cli:test', reportPath: join(dir, 'rejected.csv'), batchSize: 3 };

    const first = await importer.import(file, options);
    expect(first).toMatchObject({ rows: 6, created: 6, duplicates: 0, rejected: 0 });
    expect(existsSync(options.reportPath)).toBe(false); // nothing rejected: no report written
    expect(await count(api.dataSource, 'events')).toBe(6);

    const again = await importer.import(file, options);
    expect(again).toMatchObject({ rows: 6, created: 0, duplicates: 6, rejected: 0 });
    expect(await count(api.dataSource, 'events')).toBe(6);
  });
});

describe('a duplicate key that outlives the retries', () => {
  it('is a CONFLICT from retryingTransaction, after the attempts, not a raw driver error', async () => {
    let attempts = 0;
    const outcome = await retryingTransaction(api.dataSource, async (em) => {
      attempts++;
      // audit_head holds exactly row 1: inserting it again always violates the primary key.
      await em.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64))`);
    }).catch((e: unknown) => e);
    expect(attempts).toBe(4);
    expect(outcome).toBeInstanceOf(DomainError);
    expect(outcome).toMatchObject({ code: 'CONFLICT' });
    expect((outcome as Error).message).not.toMatch(/Duplicate entry|INSERT/);
  });

  it('is a CONFLICT, never INTERNAL, when one reaches the GraphQL error formatter', async () => {
    const error = await api.dataSource.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64))`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    const formatted = formatError(false)({ message: String((error as Error).message), path: ['recordEvents'] }, error);
    expect(formatted.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(formatted.message).not.toMatch(/Duplicate entry|INSERT|audit_head/);
  });
});
