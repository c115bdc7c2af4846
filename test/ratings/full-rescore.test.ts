import { AuditModule } from '@app/audit';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FullRescoreBusyError, FullRescoreService, RatingsModule, RescoreService } from '@app/ratings';
import { EventsService, RegistryModule, SubjectsService } from '@app/registry';
import { generateDemoData } from '@app/demo';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { resetDatabase } from '../support/database';
import { waitFor } from '../support/wait-for';

let app: INestApplicationContext;
let ds: DataSource;
const TODAY = '2026-11-20';

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditModule, RegistryModule, RatingsModule] }).compile();
  app = await ref.init();
  ds = app.get(DataSource);
});
afterAll(() => app.close());

/** The demo generator's data (institutions, practitioners, insured persons, skewed events) through the service path. */
async function loadDemo(): Promise<void> {
  await resetDatabase(ds);
  const data = generateDemoData({ seed: 3, scale: 0.1, today: TODAY });
  for (const group of [data.organisations, data.practitioners, data.insuredPersons]) await app.get(SubjectsService).register(group, 'test');
  await app.get(EventsService).record(data.events, 'test');
}

const ratings = async () =>
  ds.query('SELECT subject_id, score, grade, status, key_supervision, termination_recommended, explanation FROM ratings ORDER BY subject_id');

describe('full rescore', () => {
  it('rates every subject in chunks and agrees with the incremental path subject by subject', async () => {
    await loadDemo();
    const result = await app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 7 });
    const total = Number((await ds.query('SELECT COUNT(*) AS n FROM subjects'))[0].n);
    expect(result).toMatchObject({ done: total, total });
    const full = await ratings();
    expect(full).toHaveLength(total);
    await ds.query('DELETE FROM ratings');
    const ids: { id: string }[] = await ds.query('SELECT id FROM subjects');
    for (const { id } of ids) await app.get(RescoreService).rescore(String(id), new Date(`${TODAY}T04:00:00Z`));
    expect(await ratings()).toEqual(full);
    // The data set is varied enough for the comparison to mean something.
    expect(new Set(full.map((r: { grade: string | null }) => r.grade)).size).toBeGreaterThanOrEqual(4);
  });

  it('resumes after a crash from its last committed chunk and ends with the ratings of a clean run', async () => {
    await loadDemo();
    await app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 10 });
    const clean = await ratings();

    await loadDemo();
    let chunks = 0;
    const crash = app.get(FullRescoreService).run({
      asOf: TODAY,
      chunkSize: 10,
      onProgress: () => {
        if (++chunks === 3) throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    const [open] = await ds.query('SELECT subjects_done, finished_at FROM full_rescore_runs');
    expect(open).toMatchObject({ subjects_done: 30, finished_at: null });
    const resumed = await app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 10 });
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM full_rescore_runs'))[0].n)).toBe(1);
    expect(resumed.done).toBe(clean.length);
    const after = await ratings();
    // Subject ids differ between the two loads only if the load differed; they do not here.
    expect(after).toEqual(clean);
  });

  it('runs one at a time: a second run refuses at once and leaves the first one\'s checkpoint alone', async () => {
    await loadDemo();
    await app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 10 });
    const clean = await ratings();

    await loadDemo();
    // Hold one subject of the second chunk, so that the first run stops there, mid-way, until released.
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    const [held] = await ds.query('SELECT id FROM subjects ORDER BY id LIMIT 1 OFFSET 15');
    await blocker.query('SELECT id FROM subjects WHERE id = ? FOR UPDATE', [held.id]); // that row only
    const first = app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 10 });
    try {
      await waitFor(async () => (await ds.query('SELECT subjects_done FROM full_rescore_runs'))[0]?.subjects_done === 10);
      const checkpoint = await ds.query('SELECT * FROM full_rescore_runs');
      // Same day (would resume the same row) and another day (would supersede it): both refused, nothing written.
      for (const asOf of [TODAY, '2026-11-21']) {
        const second = app.get(FullRescoreService).run({ asOf, chunkSize: 10 });
        await expect(second).rejects.toThrow(FullRescoreBusyError);
        await expect(second).rejects.toThrow(
          new RegExp(`^a full rescore is already running \\(run ${checkpoint[0].id} as of ${TODAY}, started .+\\); try again later$`),
        );
      }
      expect(await ds.query('SELECT * FROM full_rescore_runs')).toEqual(checkpoint);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
      await first.catch(() => undefined); // never leave it running past this test
    }
    const result = await first;
    expect(result.done).toBe(clean.length);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM full_rescore_runs WHERE finished_at IS NOT NULL'))[0].n)).toBe(1);
    expect(await ratings()).toEqual(clean);
    // The lock went with the run: the next one starts.
    await expect(app.get(FullRescoreService).run({ asOf: TODAY, chunkSize: 50 })).resolves.toMatchObject({ done: clean.length });
  });

  it('moves grades as deductions expire, without new events', async () => {
    await resetDatabase(ds);
    const [s] = await app.get(SubjectsService).register(
      [{ type: 'PHARMACY', name: '测试大药房', creditCode: '914403001922038216', agreementSignedOn: '2015-01-01' }],
      'test',
    );
    await app.get(EventsService).record(
      [{ sourceSystem: 'x', sourceRef: '1', subjectId: s.id, type: 'PENALTY_ART38', occurredOn: '2024-01-01', decidedOn: '2024-02-01', amountInvolvedFen: 100_000, fineFen: 100_000, fineMultiple: 1 }],
      'test',
    );
    await app.get(FullRescoreService).run({ asOf: '2025-06-01' });
    expect((await ratings())[0]).toMatchObject({ score: 750, grade: 'C' });
    await app.get(FullRescoreService).run({ asOf: '2026-06-01' }); // 24 months after the decision: expired
    expect((await ratings())[0]).toMatchObject({ score: 850, grade: 'B' });
    const history = await ds.query('SELECT grade FROM rating_history ORDER BY id');
    expect(history).toEqual([{ grade: 'C' }, { grade: 'B' }]);
  });
});
