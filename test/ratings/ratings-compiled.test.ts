import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode } from '@app/credit';
import { RatingsReader, RescoreService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

// The ratings query runs compiled (graphql-jit) when it is the operation's only root field. Adding `viewer`
// to the same document sends it through Apollo's standard executor: both must answer alike, errors included.
let api: TestApi;
let budget: string;
let ndrc: string;
const codes = Array.from({ length: 2 }, (_, i) => makeCreditCode(`1212000040777000${i}`));
const unknownCode = makeCreditCode('91120000MA0777777');

const standard = (query: string) => query.replace(/\{\s*(\w+\s*:\s*)?ratings/, (m) => m.replace('{', '{ viewer { role } '));

async function both(query: string, variables: Record<string, unknown>, key = budget) {
  const fast = (await api.gql(query, variables, key)).body;
  const slow = (await api.gql(standard(query), variables, key)).body;
  return { fast, slow };
}

/** An error as the caller relies on it: the message and machine-readable extensions (locations move with the document). */
const essence = (errors?: { message: string; extensions?: unknown; path?: unknown }[]) => errors?.map(({ message, extensions, path }) => ({ message, extensions, path }));

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  budget = (await api.app.get(ApiKeysService).create(Role.BUDGET, 'budget', 'test')).secret;
  ndrc = (await api.app.get(ApiKeysService).create(Role.NDRC, 'commission', 'test')).secret;
  const subjects = await api.app.get(SubjectsService).register(
    codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `编译${i}`, creditCode, agreementSignedOn: '2015-01-01' })),
    'test',
  );
  await api.app.get(EventsService).record(
    [{ sourceSystem: 'jit', sourceRef: 'a1', creditCode: codes[0], type: 'PENALTY_ART38', occurredOn: '2026-01-05', decidedOn: '2026-02-01', amountInvolvedFen: 1_000_000, fineFen: 1_000_000, fineMultiple: 1 }],
    'test',
  );
  for (const s of subjects) await api.app.get(RescoreService).rescore(s.id, new Date('2026-03-01T02:00:00Z'));
});
afterAll(() => api.close());

describe('ratings, compiled', () => {
  it('answers as the standard executor does: aliases, fragments, __typename, the explanation only where selected', async () => {
    const documents = [
      'query ($codes: [String!]) { ratings(creditCodes: $codes) { creditCode score grade hasRecord computedAt inspectionFactor ruleSetVersion } }',
      'query ($codes: [String!]) { r: ratings(creditCodes: $codes) { __typename ...F } } fragment F on Rating { subjectId grade explanation { eventId points countsUntil rule } }',
      'query ($codes: [String!]) { ratings(creditCodes: $codes) { score ... on Rating { explanation { points } } } }',
      'query ($codes: [String!], $x: Boolean!) { ratings(creditCodes: $codes) { score explanation @include(if: $x) { points } } }',
    ];
    for (const query of documents) {
      const { fast, slow } = await both(query, { codes: [codes[0], unknownCode, codes[1]], x: true });
      expect(fast.errors).toBeUndefined();
      const { viewer: _viewer, ...data } = slow.data;
      expect(fast.data).toEqual(data);
    }
    const { fast } = await both(documents[1], { codes: [codes[0]] });
    expect(fast.data.r[0].explanation).toEqual([expect.objectContaining({ points: -100, rule: expect.any(String) })]);
  });

  it('serves asOf and knownAt reads compiled as well: one read each, never run a second time on the standard executor', async () => {
    const reads = jest.spyOn(api.app.get(RatingsReader), 'forKeys');
    try {
      const query = 'query ($codes: [String!], $asOf: Date, $knownAt: DateTime) { ratings(creditCodes: $codes, asOf: $asOf, knownAt: $knownAt) { creditCode score grade hasRecord ruleSetVersion } }';
      for (const variables of [{ asOf: '2026-06-30' }, { knownAt: '2026-03-02T00:00:00Z' }]) {
        reads.mockClear();
        const fast = (await api.gql(query, { codes: [codes[0], unknownCode], ...variables }, budget)).body;
        expect(fast.errors).toBeUndefined();
        expect(reads).toHaveBeenCalledTimes(1);
        const slow = (await api.gql(standard(query), { codes: [codes[0], unknownCode], ...variables }, budget)).body;
        const { viewer: _viewer, ...data } = slow.data;
        expect(fast.data).toEqual(data);
      }
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses as the standard executor does: roles, bad keys, bad variables, cost', async () => {
    const query = 'query ($codes: [String!]) { ratings(creditCodes: $codes) { score } }';
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [{ codes }, ndrc, 'FORBIDDEN'],
      [{ codes }, undefined, 'UNAUTHENTICATED'],
      [{ codes: [codes[0], 'hello'] }, budget, 'BAD_USER_INPUT'],
      [{ codes: 5 }, budget, 'BAD_USER_INPUT'],
    ];
    for (const [vars, key, code] of cases) {
      const fast = (await api.gql(query, vars, key)).body;
      const slow = (await api.gql(standard(query), vars, key)).body;
      expect(fast.errors[0].extensions.code).toBe(code);
      expect(essence(fast.errors)).toEqual(essence(slow.errors));
      expect(fast.data ?? null).toBeNull();
    }
    expect((await api.gql(query, { codes: [codes[0], 'hello'] }, budget)).body.errors[0].extensions).toMatchObject({ field: 'creditCodes', index: 1 });
    // Two 10,000-key reads in one operation cost more than the limit: refused before anything runs.
    const many = Array.from({ length: 10_000 }, (_, i) => makeCreditCode(`9112000000${String(i).padStart(7, '0')}`));
    const twice = 'query ($codes: [String!]) { a: ratings(creditCodes: $codes) { score grade } b: ratings(creditCodes: $codes) { score grade } }';
    expect((await api.gql(twice, { codes: many }, budget)).body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });
});
