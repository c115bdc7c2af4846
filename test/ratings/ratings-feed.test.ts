import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode } from '@app/credit';
import { RescoreService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import request from 'supertest';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

// POST /feeds/ratings: the budget module's bulk read as NDJSON, checked against the GraphQL query it mirrors.
let api: TestApi;
let budget: string;
let ndrc: string;
let regulator: string;
let ids: string[];
const codes = Array.from({ length: 3 }, (_, i) => makeCreditCode(`1212000040888000${i}`));
const unknownCode = makeCreditCode('91120000MA0888888');
const ALL_FIELDS = `subjectId creditCode subjectType score grade status hasRecord inspectionFactor keySupervision depositRetention
  terminationRecommended notRated investigationHold settlementSuspendedUntil ruleSetVersion computedAt`;
const RATINGS = `query ($ids: [ID!], $codes: [String!], $asOf: Date, $knownAt: DateTime) {
  ratings(subjectIds: $ids, creditCodes: $codes, asOf: $asOf, knownAt: $knownAt) { ${ALL_FIELDS} explanation { eventId points countsUntil rule } }
}`;

function feed(body: unknown, key?: string): request.Test {
  const req = request(api.app.getHttpServer()).post('/feeds/ratings').set('content-type', 'application/json');
  if (key) req.set('authorization', `Bearer ${key}`);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The NDJSON body as objects, checking that every line ends in a newline. */
function lines(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((l) => JSON.parse(l));
}

/**
 * computedAt of an answer computed on the spot (every asOf answer; codes[2], whose first rating is not stored)
 * is the moment it was made, so two requests differ there: compare that it is a time, and stored ones exactly.
 */
function stable(rows: Record<string, unknown>[], asOf?: unknown): Record<string, unknown>[] {
  return rows.map((r) => (asOf || r.subjectId === ids[2] ? { ...r, computedAt: typeof r.computedAt } : r));
}

async function graphql(vars: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const res = await api.gql(RATINGS, vars, budget);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.ratings;
}

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  const keys = api.app.get(ApiKeysService);
  budget = (await keys.create(Role.BUDGET, 'budget', 'test')).secret;
  ndrc = (await keys.create(Role.NDRC, 'commission', 'test')).secret;
  regulator = (await keys.create(Role.REGULATOR, 'case office', 'test')).secret;
  const subjects = await api.app.get(SubjectsService).register(
    codes.map((creditCode, i) => ({ type: i === 2 ? 'PHARMACY' : 'MEDICAL_INSTITUTION', name: `批量${i}`, creditCode, agreementSignedOn: '2015-01-01' })),
    'test',
  );
  ids = subjects.map((s) => s.id);
  const record = (creditCode: string, ref: string, extra: Record<string, unknown>) =>
    api.app.get(EventsService).record([{ sourceSystem: 'feed', sourceRef: ref, creditCode, occurredOn: '2026-01-05', decidedOn: '2026-02-01', ...extra }], 'test');
  await record(codes[0], 'a1', { type: 'PENALTY_ART38', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 });
  await api.app.get(RescoreService).rescore(ids[0], new Date('2026-03-01T02:00:00Z'));
  await record(codes[1], 'b1', { type: 'PENALTY_ART40', amountInvolvedFen: 1_000_000, fineFen: 2_000_000, fineMultiple: 2 });
  await api.app.get(RescoreService).rescore(ids[1], new Date('2026-03-01T02:00:00Z'));
  // codes[2]: registered, never rated (answered on the spot); unknownCode: never seen (the default, hasRecord false).
});
afterAll(() => api.close());

describe('POST /feeds/ratings', () => {
  it('answers one NDJSON line per key in the order asked, the GraphQL answer field for field, without the explanation', async () => {
    const asked = [codes[2], unknownCode, codes[1], codes[0]];
    const res = await feed({ creditCodes: asked }, budget).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['x-row-count']).toBe('4');
    expect(res.headers['cache-control']).toBe('no-store');
    const got = lines(res.text);
    const want = (await graphql({ codes: asked })).map(({ explanation: _skip, ...rest }) => rest);
    expect(stable(got)).toEqual(stable(want));
    expect(got[0].computedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/));
    expect(got.map((l) => l.creditCode)).toEqual(asked);
    expect(got[1]).toMatchObject({ subjectId: null, hasRecord: false, grade: 'B', score: 850 });
    expect(got[2]).toMatchObject({ subjectId: ids[1], grade: 'D', hasRecord: true, keySupervision: true, computedAt: '2026-03-01T02:00:00.000Z' });
  });

  it('adds the explanation when asked, and takes subject ids, asOf and knownAt as the query does', async () => {
    const cases: Record<string, unknown>[] = [
      { subjectIds: [ids[0], ids[1], '999999'] },
      { creditCodes: codes, asOf: '2026-01-31' },
      { creditCodes: codes, asOf: '2026-06-30' },
      { creditCodes: codes, knownAt: '2026-02-28T00:00:00Z' },
      { creditCodes: codes, knownAt: '2026-03-02T00:00:00+08:00', asOf: '2026-02-15' },
    ];
    for (const body of cases) {
      const got = lines((await feed({ ...body, explanation: true }, budget).expect(200)).text);
      const { subjectIds, creditCodes, asOf, knownAt } = body;
      const want = await graphql({ ids: subjectIds, codes: creditCodes, asOf, knownAt });
      expect(stable(got, asOf)).toEqual(stable(want, asOf));
    }
    const [penalised] = lines((await feed({ creditCodes: [codes[0]], explanation: true }, budget).expect(200)).text);
    expect(penalised.explanation).toEqual([expect.objectContaining({ points: -100, countsUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    expect(lines((await feed({ creditCodes: [codes[0]], asOf: '2026-01-31' }, budget).expect(200)).text)[0]).toMatchObject({ score: 850 });
  });

  it('is for the budget module only: no key UNAUTHENTICATED, another role FORBIDDEN', async () => {
    expect((await feed({ creditCodes: codes }).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await feed({ creditCodes: codes }, 'yb_notakey').expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await feed({ creditCodes: codes }, ndrc).expect(403)).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await feed({ creditCodes: codes }, regulator).expect(403)).body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input as BAD_USER_INPUT with field, index and reason, before sending any line, never echoing a value', async () => {
    const bad = async (body: unknown) => {
      const res = await feed(body, budget).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      return res.body;
    };
    expect(await bad({ creditCodes: [codes[0], 'hello'] })).toMatchObject({ field: 'creditCodes', index: 1, reason: 'INVALID_CREDIT_CODE' });
    expect(await bad({ creditCodes: [codes[0], 42] })).toMatchObject({ field: 'creditCodes', index: 1, reason: 'INVALID_CREDIT_CODE' });
    expect(await bad({ subjectIds: [ids[0], 'x1'] })).toMatchObject({ field: 'subjectIds', index: 1, reason: 'INVALID_ID' });
    expect(await bad({ creditCodes: codes[0] })).toMatchObject({ field: 'creditCodes', reason: 'INVALID_VALUE' });
    expect(await bad({ creditCodes: codes, subjectIds: ids })).toMatchObject({ reason: 'INVALID_VALUE' });
    expect(await bad({})).toMatchObject({ reason: 'INVALID_VALUE' });
    expect(await bad([codes[0]])).toMatchObject({ field: 'body', reason: 'INVALID_VALUE' });
    expect(await bad({ creditCodes: codes, asof: '2026-01-01' })).toMatchObject({ field: 'asof', reason: 'UNKNOWN_FIELD' });
    expect(await bad({ creditCodes: codes, asOf: '2999-01-01' })).toMatchObject({ field: 'asOf', reason: 'INVALID_DATE' });
    expect(await bad({ creditCodes: codes, asOf: 20260101 })).toMatchObject({ field: 'asOf', reason: 'INVALID_DATE' });
    expect(await bad({ creditCodes: codes, knownAt: '2026-07-01' })).toMatchObject({ field: 'knownAt', reason: 'INVALID_DATE' });
    expect(await bad({ creditCodes: codes, knownAt: '2999-01-01T00:00:00Z' })).toMatchObject({ field: 'knownAt', reason: 'INVALID_DATE' });
    expect(await bad({ creditCodes: codes, explanation: 'yes' })).toMatchObject({ field: 'explanation', reason: 'INVALID_VALUE' });
    expect(await bad({ creditCodes: Array.from({ length: 10_001 }, () => codes[0]) })).toMatchObject({ reason: 'BATCH_TOO_LARGE' });
    const resident = '110101199003074518';
    const malformed = await bad(`{"creditCodes": ["${resident}"`);
    expect(malformed).toMatchObject({ reason: 'BAD_REQUEST' });
    expect(JSON.stringify(malformed)).not.toContain(resident);
    expect(JSON.stringify(await bad({ creditCodes: [resident] }))).not.toContain(resident);
  });

  it('answers 10,000 keys in one request', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? codes[0] : makeCreditCode(`9112000000${String(i).padStart(7, '0')}`)));
    const res = await feed({ creditCodes: many }, budget).expect(200);
    const got = lines(res.text);
    expect(res.headers['x-row-count']).toBe('10000');
    expect(got.map((l) => l.creditCode)).toEqual(many);
    expect(got.filter((l) => l.hasRecord).length).toBe(100);
  });
});
