import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AuditModule } from '@app/audit';
import { makeCreditCode, makeResidentId } from '@app/credit';
import { RatingsModule, RescoreService } from '@app/ratings';
import { EventCorrectionsService, EventsService, RegistryModule, SubjectsService } from '@app/registry';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { resetDatabase } from '../support/database';

let app: INestApplicationContext;
let ds: DataSource;
let seq = 0;

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditModule, RegistryModule, RatingsModule] }).compile();
  app = await ref.init();
  ds = app.get(DataSource);
});
beforeEach(() => resetDatabase(ds));
afterAll(() => app.close());

async function institution(): Promise<string> {
  const code = makeCreditCode(`1212000040${String(++seq).padStart(7, '0')}`);
  const [s] = await app.get(SubjectsService).register(
    [{ type: 'MEDICAL_INSTITUTION', name: `测试医院${seq}`, creditCode: code, agreementSignedOn: '2018-01-01' }],
    'test',
  );
  return s.id;
}

async function record(subjectId: string, items: Record<string, unknown>[]): Promise<string[]> {
  const result = await app.get(EventsService).record(
    items.map((i) => ({ sourceSystem: 'rescore-test', sourceRef: `e${++seq}`, subjectId, occurredOn: '2026-05-01', decidedOn: '2026-06-01', ...i })),
    'test',
  );
  return result.events.map((e) => e.id);
}

const rescore = (id: string) => app.get(RescoreService).rescore(id, new Date('2026-11-23T04:00:00Z'));
const rating = async (id: string) => (await ds.query('SELECT score, grade, status, key_supervision, deposit_retention, termination_recommended, explanation FROM ratings WHERE subject_id = ?', [id]))[0];
const art38 = { type: 'PENALTY_ART38', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 };

describe('rescoring through the normal path (event recorded → rescore → rating, history, notification)', () => {
  it.each([
    ['an Art.38 penalty of 1× for 挂床住院: 850 − 100 = 750 → C', [art38], 750, 'C'],
    ['the same, self-reported: 850 − 50 = 800 → B', [{ ...art38, selfReported: true }], 800, 'B'],
    ['an excellent assessment and a kept commitment: 910 → A', [{ type: 'ANNUAL_ASSESSMENT', assessmentResult: 'EXCELLENT' }, { type: 'CREDIT_COMMITMENT' }], 910, 'A'],
  ])('%s', async (_, events, score, grade) => {
    const id = await institution();
    await record(id, events);
    await rescore(id);
    expect(await rating(id)).toMatchObject({ score, grade });
  });

  it('an Art.40 fraud gives D at best, with key supervision and deposit retention; a termination gives E', async () => {
    const fraud = await institution();
    await record(fraud, [{ type: 'PENALTY_ART40', amountInvolvedFen: 5_000_000, fineFen: 10_000_000, fineMultiple: 2 }]);
    await rescore(fraud);
    expect(await rating(fraud)).toMatchObject({ grade: 'D', key_supervision: 1, deposit_retention: 1 });
    const terminated = await institution();
    await record(terminated, [{ type: 'AGREEMENT_TERMINATED' }]);
    await rescore(terminated);
    expect((await rating(terminated)).grade).toBe('E');
  });

  it('revoking the event restores the previous rating; the history shows both, and each grade change is notified', async () => {
    const id = await institution();
    await rescore(id); // the clean record first: B, no notification (nothing changed from the default)
    const [eventId] = await record(id, [art38]);
    await rescore(id);
    expect((await rating(id)).explanation).toEqual([expect.objectContaining({ eventId, points: -100 })]);
    await app.get(EventCorrectionsService).revoke(eventId, '复议撤销', 'test');
    await rescore(id);
    expect(await rating(id)).toMatchObject({ score: 850, grade: 'B', explanation: [] });
    const history = await ds.query('SELECT score, grade FROM rating_history WHERE subject_id = ? ORDER BY id', [id]);
    expect(history).toEqual([
      { score: 850, grade: 'B' },
      { score: 750, grade: 'C' },
      { score: 850, grade: 'B' },
    ]);
    const notes = await ds.query('SELECT from_value, to_value, event_ids FROM rating_notifications WHERE subject_id = ? ORDER BY id', [id]);
    expect(notes).toEqual([
      { from_value: 'B', to_value: 'C', event_ids: [eventId] },
      { from_value: 'C', to_value: 'B', event_ids: [] },
    ]);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM rescore_due WHERE subject_id = ?', [id]))[0].n)).toBe(0);
  });

  const fraud = (decidedOn: string) => ({ type: 'PENALTY_ART40', amountInvolvedFen: 5_000_000, fineFen: 10_000_000, fineMultiple: 2, occurredOn: '2023-01-05', decidedOn });

  it('D or worse at the ends of two consecutive natural years raises terminationRecommended, also after quiet years', async () => {
    const id = await institution();
    // Art.40 of 2023-03-01 counts 36 months: D at the ends of 2023, 2024 and 2025.
    await record(id, [fraud('2023-03-01')]);
    await app.get(RescoreService).rescore(id, new Date('2024-01-10T04:00:00Z'));
    expect(await rating(id)).toMatchObject({ grade: 'D', termination_recommended: 0 }); // one bad year-end so far
    // Two quiet years: nothing recorded, no rating stored in 2025. The year-end grades come from the events.
    await app.get(RescoreService).rescore(id, new Date('2026-01-10T04:00:00Z'));
    expect(await rating(id)).toMatchObject({ grade: 'D', termination_recommended: 1 });
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM rating_history WHERE subject_id = ?', [id]))[0].n)).toBe(2);
  });

  it('an Art.40 decision of 2024-07-01 recorded today raises terminationRecommended (the ends of 2024 and 2025 were D)', async () => {
    const id = await institution();
    await record(id, [fraud('2024-07-01')]);
    await rescore(id);
    expect(await rating(id)).toMatchObject({ grade: 'D', termination_recommended: 1 });
  });

  it('an open investigation hold is stored as a flag, with no score effect, and shows in the history', async () => {
    const id = await institution();
    await record(id, [{ type: 'INVESTIGATION_HOLD' }]);
    await rescore(id);
    expect((await ds.query('SELECT score, grade, investigation_hold FROM ratings WHERE subject_id = ?', [id]))[0]).toEqual({ score: 850, grade: 'B', investigation_hold: 1 });
    expect((await ds.query('SELECT investigation_hold FROM rating_history WHERE subject_id = ?', [id]))[0].investigation_hold).toBe(1);
  });

  it('an insured person\'s direct-settlement suspension (条例 Art.41) is stored with the rating', async () => {
    const residentId = makeResidentId(`12010319900101${String(++seq % 1000).padStart(3, '0')}`);
    const result = await app.get(EventsService).record(
      [{ sourceSystem: 'rescore-test', sourceRef: `e${++seq}`, residentId, type: 'INSURED_VIOLATION', amountInvolvedFen: 500_000, occurredOn: '2026-09-01', decidedOn: '2026-10-01' }],
      'test',
    );
    const [{ subject_id: person }] = await ds.query('SELECT subject_id FROM events WHERE id = ?', [result.events[0].id]);
    await rescore(String(person));
    // Under 10,000 yuan: 3 months from the decision date.
    expect((await ds.query('SELECT score, grade, settlement_suspended_until FROM ratings WHERE subject_id = ?', [person]))[0]).toEqual({
      score: 70,
      grade: 'C',
      settlement_suspended_until: '2026-12-31',
    });
  });

  it('a rescore without changes writes no history row', async () => {
    const id = await institution();
    await record(id, [art38]);
    await rescore(id);
    await rescore(id);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM rating_history WHERE subject_id = ?', [id]))[0].n)).toBe(1);
  });

  async function practitioner(): Promise<string> {
    const hospital = await institution();
    const code = (await ds.query('SELECT credit_code FROM subjects WHERE id = ?', [hospital]))[0].credit_code;
    const [doctor] = await app.get(SubjectsService).register(
      [{ type: 'PRACTITIONER', name: '李医生', residentId: makeResidentId(`12010319800101${String(++seq % 1000).padStart(3, '0')}`), profession: 'PHYSICIAN', institutionCreditCode: code }],
      'test',
    );
    return doctor.id;
  }

  it.each([
    // Art.38, general responsibility: tier 2, 4 points; settling under another's name: tier 3, general, 7.
    ['GENERAL', 11, 'SUSPENDED'],
    // The same with main responsibility: 6 + 9 = 15 points, past 12: terminated.
    ['MAIN', 15, 'TERMINATED'],
  ])('a practitioner with tier-2 and tier-3 events in one year (%s responsibility): %d points, %s', async (responsibility, points, status) => {
    const doctor = await practitioner();
    await record(doctor, [{ type: 'PENALTY_ART38', responsibility, decidedOn: '2026-03-01', occurredOn: '2026-02-01' }]);
    await record(doctor, [{ type: 'IMPERSONATED_SETTLEMENT', responsibility, decidedOn: '2026-04-01', occurredOn: '2026-03-15' }]);
    await app.get(RescoreService).rescore(doctor, new Date('2026-04-02T04:00:00Z'));
    expect(await rating(doctor)).toMatchObject({ score: points, status, grade: null, key_supervision: 1 });
  });
});
