import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode, shanghaiDate } from '@app/credit';
import { RescoreService } from '@app/ratings';
import { EventCorrectionsService, EventsService, SubjectsService } from '@app/registry';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

let api: TestApi;
let budget: string;
const codes = Array.from({ length: 3 }, (_, i) => makeCreditCode(`1212000040999000${i}`));
const unknownCode = makeCreditCode('91120000MA0999999');
const RATINGS = `query ($ids: [ID!], $codes: [String!], $asOf: Date, $knownAt: DateTime) {
  ratings(subjectIds: $ids, creditCodes: $codes, asOf: $asOf, knownAt: $knownAt) {
    subjectId creditCode score grade hasRecord notRated inspectionFactor keySupervision depositRetention terminationRecommended
    investigationHold settlementSuspendedUntil ruleSetVersion computedAt explanation { eventId points countsUntil }
  }
}`;
let ids: string[];

async function record(creditCode: string, ref: string, extra: Record<string, unknown>) {
  return api.app.get(EventsService).record(
    [{ sourceSystem: 'q', sourceRef: ref, creditCode, occurredOn: '2026-01-05', decidedOn: '2026-02-01', ...extra }],
    'test',
  );
}

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  budget = (await api.app.get(ApiKeysService).create(Role.BUDGET, 'budget', 'test')).secret;
  const subjects = await api.app.get(SubjectsService).register(
    codes.map((creditCode, i) => ({
      type: i === 2 ? 'PHARMACY' : 'MEDICAL_INSTITUTION',
      name: `机构${i}`,
      creditCode,
      agreementSignedOn: '2015-01-01',
      category: i === 2 ? '连锁药店' : '二级综合医院',
    })),
    'test',
  );
  ids = subjects.map((s) => s.id);
  const rescore = api.app.get(RescoreService);
  // codes[0]: an Art.38 penalty rated on 1 March (750, C), then an excellent assessment rated on 1 July (800, B).
  await record(codes[0], 'a1', { type: 'PENALTY_ART38', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 });
  await rescore.rescore(ids[0], new Date('2026-03-01T02:00:00Z'));
  await record(codes[0], 'a2', { type: 'ANNUAL_ASSESSMENT', assessmentResult: 'EXCELLENT', decidedOn: '2026-06-30' });
  await rescore.rescore(ids[0], new Date('2026-07-01T02:00:00Z'));
  // codes[1]: fraud, rated on 1 March.
  await record(codes[1], 'b1', { type: 'PENALTY_ART40', amountInvolvedFen: 1_000_000, fineFen: 2_000_000, fineMultiple: 2 });
  await rescore.rescore(ids[1], new Date('2026-03-01T02:00:00Z'));
  // codes[2]: registered, never rated.
});
afterAll(() => api.close());

describe('ratings for the budget module', () => {
  it('answers by credit code in the order asked: unknown subjects with the default and hasRecord false', async () => {
    const res = await api.gql(RATINGS, { codes: [codes[2], unknownCode, codes[1], codes[0]] }, budget);
    expect(res.body.errors).toBeUndefined();
    const [unrated, unknown, fraud, penalised] = res.body.data.ratings;
    // Registered, its queued first rating not stored yet: rated on the spot from its own record.
    expect(unrated).toMatchObject({ subjectId: ids[2], creditCode: codes[2], score: 850, grade: 'B', hasRecord: true, inspectionFactor: 1, notRated: false });
    expect(unknown).toMatchObject({ subjectId: null, creditCode: unknownCode, score: 850, grade: 'B', hasRecord: false, explanation: [], computedAt: null });
    expect(fraud).toMatchObject({ subjectId: ids[1], grade: 'D', hasRecord: true, keySupervision: true, depositRetention: true, inspectionFactor: 2 });
    expect(penalised).toMatchObject({ subjectId: ids[0], score: 800, grade: 'B', hasRecord: true, ruleSetVersion: 1, investigationHold: false, settlementSuspendedUntil: null });
    expect(penalised.explanation.map((l: { points: number }) => l.points).sort()).toEqual([-100, 50]);
  });

  it('asOf is valid time: the rating in force that day from every event known now, decided by then', async () => {
    const at = async (asOf: string) => (await api.gql(RATINGS, { ids: [ids[0], '999999'], asOf }, budget)).body.data.ratings;
    // The Art.38 decision of 2026-02-01 counts from that day, whenever it was recorded or first rated.
    expect((await at('2026-01-31'))[0]).toMatchObject({ hasRecord: true, score: 850, grade: 'B' });
    expect((await at('2026-02-01'))[0]).toMatchObject({ hasRecord: true, score: 750, grade: 'C' });
    expect((await at('2026-06-29'))[0]).toMatchObject({ hasRecord: true, score: 750 });
    expect((await at('2026-06-30'))[0]).toMatchObject({ hasRecord: true, score: 800, grade: 'B' });
    expect((await at('2026-07-01'))[1]).toMatchObject({ subjectId: '999999', hasRecord: false, grade: 'B' });
  });

  it('an Art.38 decision of 2026-02-01 recorded today counts for 30 June (asOf), not in what the service said then (knownAt)', async () => {
    const code = makeCreditCode('12120000409990099');
    const [late] = await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: '迟报医院', creditCode: code, agreementSignedOn: '2015-01-01' }], 'test');
    await api.app.get(RescoreService).rescore(late.id, new Date('2026-06-30T02:00:00Z')); // the service said 850 B on 30 June
    await record(code, 'late-1', { type: 'PENALTY_ART38', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 });
    const asOf = (await api.gql(RATINGS, { codes: [code], asOf: '2026-06-30' }, budget)).body.data.ratings[0];
    expect(asOf).toMatchObject({ score: 750, grade: 'C', hasRecord: true });
    const said = (await api.gql(RATINGS, { codes: [code], knownAt: '2026-06-30T12:00:00Z' }, budget)).body.data.ratings[0];
    expect(said).toMatchObject({ score: 850, grade: 'B', hasRecord: true, computedAt: '2026-06-30T02:00:00.000Z' });
    const before = (await api.gql(RATINGS, { codes: [code], knownAt: '2026-06-29T12:00:00Z' }, budget)).body.data.ratings[0];
    expect(before).toMatchObject({ hasRecord: false, computedAt: null });
  });

  it('knownAt with asOf: the events as they were known at that moment (an amendment made later does not count)', async () => {
    const code = makeCreditCode('12120000409990098');
    await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: '更正医院', creditCode: code, agreementSignedOn: '2015-01-01' }], 'test');
    const beforeRecord = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const recorded = await record(code, 'amend-1', { type: 'PENALTY_ART38', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const beforeAmend = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await api.app.get(EventCorrectionsService).amend(recorded.events[0].id, { fineMultiple: 1.5, fineFen: 1_500_000 }, '复核更正', 'test');
    const q = async (knownAt?: Date) =>
      (await api.gql(RATINGS, { codes: [code], asOf: '2026-06-30', knownAt: knownAt?.toISOString() }, budget)).body.data.ratings[0];
    expect(await q()).toMatchObject({ score: 700 });
    expect(await q(beforeAmend)).toMatchObject({ score: 750 });
    expect(await q(beforeRecord)).toMatchObject({ score: 850, grade: 'B' });
  });

  it('a new institution reads NOT_RATED from registration on (its own agreement date), before its queued rating is stored', async () => {
    const code = makeCreditCode('12120000409990097');
    const signed = shanghaiDate(new Date(Date.now() - 30 * 86_400_000));
    await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: '新开医院', creditCode: code, agreementSignedOn: signed }], 'test');
    const [fresh] = (await api.gql(RATINGS, { codes: [code] }, budget)).body.data.ratings;
    expect(fresh).toMatchObject({ notRated: true, grade: 'NOT_RATED', hasRecord: true, inspectionFactor: 1 });
  });

  it('investigationHold is shown on Rating and RatingChange', async () => {
    const code = makeCreditCode('12120000409990096');
    const [held] = await api.app.get(SubjectsService).register([{ type: 'MEDICAL_INSTITUTION', name: '暂停结算医院', creditCode: code, agreementSignedOn: '2015-01-01' }], 'test');
    await record(code, 'hold-1', { type: 'INVESTIGATION_HOLD' });
    await api.app.get(RescoreService).rescore(held.id);
    expect((await api.gql(RATINGS, { codes: [code] }, budget)).body.data.ratings[0]).toMatchObject({ investigationHold: true, score: 850 });
    const CHANGES = '{ ratingChanges(first: 10000) { nodes { subjectId investigationHold settlementSuspendedUntil } } }';
    const nodes = (await api.gql(CHANGES, undefined, budget)).body.data.ratingChanges.nodes;
    expect(nodes.filter((n: { subjectId: string }) => n.subjectId === held.id)).toEqual([{ subjectId: held.id, investigationHold: true, settlementSuspendedUntil: null }]);
  });

  it('validates keys and dates like everywhere else: the malformed key by its index, future dates refused', async () => {
    const err = async (vars: Record<string, unknown>) => (await api.gql(RATINGS, vars, budget)).body.errors?.[0]?.extensions;
    expect(await err({ codes: [codes[0], 'hello'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCodes', index: 1, reason: 'INVALID_CREDIT_CODE' });
    // A wrong check character is malformed too, not an unknown subject.
    const wrongCheck = codes[0].slice(0, 17) + (codes[0][17] === '0' ? '1' : '0');
    expect(await err({ codes: [wrongCheck] })).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, reason: 'INVALID_CREDIT_CODE' });
    expect(await err({ ids: [ids[0], 'x1'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectIds', index: 1 });
    expect(await err({ codes, asOf: '2999-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf', reason: 'INVALID_DATE' });
    expect(await err({ codes, knownAt: '2999-01-01T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt', reason: 'INVALID_DATE' });
  });

  it('uses a constant number of SQL round trips whatever the number of keys', async () => {
    const spy = jest.spyOn(api.dataSource.logger, 'logQuery');
    const count = async (keys: string[], asOf?: string) => {
      spy.mockClear();
      const res = await api.gql(RATINGS, { codes: keys, asOf }, budget);
      expect(res.body.data.ratings).toHaveLength(keys.length);
      return spy.mock.calls.filter(([sql]) => !/api_keys/.test(String(sql))).length;
    };
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? codes[(i / 3) % 3] : makeCreditCode(`9112000000${String(i).padStart(7, '0')}`)));
    for (const asOf of [undefined, '2026-06-30']) {
      const few = await count(codes, asOf);
      expect(await count(many, asOf)).toBe(few);
      expect(few).toBeLessThanOrEqual(3);
    }
    // knownAt (the history), alone and with asOf (events as known then): constant too.
    const countAt = async (keys: string[], vars: Record<string, string | undefined>) => {
      spy.mockClear();
      const res = await api.gql(RATINGS, { codes: keys, ...vars }, budget);
      expect(res.body.data.ratings).toHaveLength(keys.length);
      return spy.mock.calls.filter(([sql]) => !/api_keys/.test(String(sql))).length;
    };
    for (const vars of [{ knownAt: '2026-07-01T00:00:00Z' }, { knownAt: new Date().toISOString(), asOf: '2026-06-30' }]) {
      const few = await countAt(codes, vars);
      expect(await countAt(many, vars)).toBe(few);
      expect(few).toBeLessThanOrEqual(3);
    }
    spy.mockRestore();
  });

  it('refuses more than 10,000 keys, both key lists, and neither', async () => {
    const over = Array.from({ length: 10_001 }, () => codes[0]);
    expect((await api.gql(RATINGS, { codes: over }, budget)).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BATCH_TOO_LARGE' });
    expect((await api.gql(RATINGS, { codes, ids }, budget)).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(RATINGS, {}, budget)).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('ratingChanges pages through every change once, oldest first, and a cache resumes from its cursor', async () => {
    const CHANGES = 'query ($after: String) { ratingChanges(first: 2, after: $after) { nodes { seq subjectId creditCode score grade } pageInfo { hasNextPage endCursor } } }';
    const seen: { seq: string; score: number }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await api.gql(CHANGES, { after }, budget);
      const { nodes, pageInfo } = res.body.data.ratingChanges;
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen.map((n) => n.score).slice(0, 3)).toEqual([750, 800, 450]);
    expect(seen.map((n) => Number(n.seq))).toEqual([...seen.map((n) => Number(n.seq))].sort((a, b) => a - b));
    const bad = await api.gql(CHANGES, { after: Buffer.from('["x"]').toString('base64url') }, budget);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('subject { rating { explanation } } shows each event\'s points and until when it counts', async () => {
    const regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg', 'test')).secret;
    const res = await api.gql(
      `{ subjects(type: MEDICAL_INSTITUTION) { nodes { creditCode rating { score grade hasRecord explanation { eventId points countsUntil } } } } }`,
      undefined,
      regulator,
    );
    const [first, second] = res.body.data.subjects.nodes;
    expect(first.rating).toMatchObject({ score: 800, grade: 'B', hasRecord: true });
    expect(first.rating.explanation).toEqual(
      expect.arrayContaining([expect.objectContaining({ points: -100, countsUntil: '2028-01-31' }), expect.objectContaining({ points: 50 })]),
    );
    expect(second.rating).toMatchObject({ grade: 'D', hasRecord: true });
  });

  it('lists subjects by current grade, with their category and their grade-change notifications, newest first', async () => {
    const regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'reg2', 'test')).secret;
    const LIST = `query ($grade: Grade) { subjects(grade: $grade) { nodes { id category ratingNotifications { fromValue toValue eventIds } } } }`;
    const d = (await api.gql(LIST, { grade: 'D' }, regulator)).body.data.subjects.nodes;
    expect(d.map((n: { id: string }) => n.id)).toEqual([ids[1]]);
    expect(d[0].category).toBe('二级综合医院');
    expect(d[0].ratingNotifications).toEqual([{ fromValue: null, toValue: 'D', eventIds: [expect.any(String)] }]);
    const b = (await api.gql(LIST, { grade: 'B' }, regulator)).body.data.subjects.nodes;
    const bIds = b.map((n: { id: string }) => n.id);
    expect(bIds).toContain(ids[0]);
    expect(bIds).not.toContain(ids[2]); // its first rating is still queued (no worker here): no grade to match yet
    expect(b.find((n: { id: string }) => n.id === ids[0]).ratingNotifications.map((n: { fromValue: string; toValue: string }) => [n.fromValue, n.toValue])).toEqual([
      ['C', 'B'],
      [null, 'C'],
    ]);
    const all = (await api.gql(LIST, {}, regulator)).body.data.subjects.nodes;
    expect(all.filter((n: { id: string }) => ids.includes(n.id)).map((n: { category: string }) => n.category)).toEqual(['二级综合医院', '二级综合医院', '连锁药店']);
  });
});
