import { Role } from '@app/auth';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import {
  call,
  count,
  createKey,
  fails,
  footprint,
  hospital,
  insured,
  Item,
  ok,
  orgCode,
  pharmacy,
  practitioner,
  register,
  REGISTER,
  RESIDENT_ID_SHAPE,
  residentId,
  shopCode,
  tomorrow,
} from './registry-helpers';

let api: TestApi;
let regulator: string;

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  regulator = await createKey(api, Role.REGULATOR);
});
afterAll(() => api.close());

const SUBJECT = `query One($id: ID, $creditCode: String) {
  subject(id: $id, creditCode: $creditCode) { id type name creditCode regionCode profession maskedResidentId }
}`;
const EMPLOYMENTS = `query Jobs($id: ID) { subject(id: $id) { id employments { institutionId fromDate toDate } } }`;
const PAGE = `query Page($type: SubjectType, $regionCode: String, $first: Int, $after: String) {
  subjects(type: $type, regionCode: $regionCode, first: $first, after: $after) {
    nodes { id type regionCode } pageInfo { hasNextPage endCursor }
  }
}`;

describe('registerSubjects', () => {
  it('registers all four subject types and answers each in input order', async () => {
    const items = [hospital(1), pharmacy(2), practitioner(3, { profession: 'NURSE' }), insured(4)];
    const subjects = await register(api, regulator, items);
    expect(subjects.map((s) => s.type)).toEqual(['MEDICAL_INSTITUTION', 'PHARMACY', 'PRACTITIONER', 'INSURED_PERSON']);
    expect(subjects[0]).toMatchObject({ name: '第1人民医院', creditCode: orgCode(1), regionCode: '110101', agreementSignedOn: '2020-06-01', maskedResidentId: null });
    expect(subjects[1]).toMatchObject({ creditCode: shopCode(2), regionCode: '440305', profession: null });
    expect(subjects[2]).toMatchObject({ creditCode: null, profession: 'NURSE', maskedResidentId: `${residentId(3).slice(0, 6)}********${residentId(3).slice(14)}` });
    expect(subjects[3]).toMatchObject({ creditCode: null, profession: null, maskedResidentId: expect.stringMatching(/^\d{6}\*{8}[0-9X]{4}$/) });
    expect(new Set(subjects.map((s) => s.id)).size).toBe(4);
    expect(await count(api.dataSource, 'subjects')).toBe(4);
    const audit: { action: string }[] = await api.dataSource.query(`SELECT action FROM audit_log WHERE action = 'subjects.register'`);
    expect(audit).toHaveLength(1);
  });

  it('is idempotent on natural keys: a re-registration returns the same ids, in the new input order, and stores nothing', async () => {
    const items = [hospital(1), pharmacy(2), practitioner(3), insured(4)];
    const first = await register(api, regulator, items);
    const before = await count(api.dataSource, 'subjects');
    // Reversed, with other names: the natural key decides, and the stored subject is returned unchanged.
    const again = await register(
      api,
      regulator,
      [...items].reverse().map((i) => ({ ...i, name: `${String(i.name)}（新）` })),
    );
    expect(again.map((s) => s.id)).toEqual(first.map((s) => s.id).reverse());
    expect(again.map((s) => s.name)).toEqual(first.map((s) => s.name).reverse());
    expect(await count(api.dataSource, 'subjects')).toBe(before);
    // A lower-case x in a resident ID names the same person (the sample ID ends in X).
    const [x] = await register(api, regulator, [insured(9, { residentId: '11010519491231002X' })]);
    const [lower] = await register(api, regulator, [insured(9, { residentId: '11010519491231002x' })]);
    expect(lower.id).toBe(x.id);
    expect(lower.maskedResidentId).toBe('110105********002X');
  });

  it('gives the same id twice for a key repeated within one batch, and stores it once', async () => {
    const subjects = await register(api, regulator, [hospital(1), practitioner(2), hospital(1), practitioner(2), hospital(3)]);
    expect(subjects[2].id).toBe(subjects[0].id);
    expect(subjects[3].id).toBe(subjects[1].id);
    expect(subjects[4].id).not.toBe(subjects[0].id);
    expect(await count(api.dataSource, 'subjects')).toBe(3);
  });

  it('keeps a practitioner per profession and an insured person apart from a practitioner with the same ID', async () => {
    const subjects = await register(api, regulator, [
      practitioner(1, { profession: 'PHYSICIAN' }),
      practitioner(1, { profession: 'PHARMACIST' }),
      insured(0, { residentId: residentId(1) }),
    ]);
    expect(new Set(subjects.map((s) => s.id)).size).toBe(3);
  });

  it('refuses a credit code re-registered as the other organisation type with CONFLICT (index, field) and stores nothing', async () => {
    await register(api, regulator, [hospital(1)]);
    const before = await footprint(api.dataSource);
    const error = await fails(api, REGISTER, { in: [pharmacy(2), hospital(3), pharmacy(9, { creditCode: orgCode(1) })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', index: 2, field: 'type' });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('refuses the same credit code as two organisation types within one batch', async () => {
    const error = await fails(api, REGISTER, { in: [hospital(1), pharmacy(2, { creditCode: orgCode(1) })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', index: 1, field: 'type' });
    expect(await count(api.dataSource, 'subjects')).toBe(0);
  });

  const badItems: Array<[string, Item, string, string]> = [
    ['a credit code with a wrong check character', pharmacy(50, { creditCode: '914403001922038217' }), 'creditCode', 'INVALID_CREDIT_CODE'],
    ['a resident ID with a wrong check digit', insured(50, { residentId: '110105194912310021' }), 'residentId', 'INVALID_RESIDENT_ID'],
    ['a practitioner without profession', practitioner(50, { profession: null }), 'profession', 'MISSING_FIELD'],
    ['an agreement signed in the future', hospital(50, { agreementSignedOn: tomorrow() }), 'agreementSignedOn', 'INVALID_DATE'],
    ['an employer that is not registered', practitioner(50, { institutionCreditCode: orgCode(777) }), 'institutionCreditCode', 'UNKNOWN_SUBJECT'],
    ['an unknown subject type (variables)', { ...hospital(50), type: 'HOSPITAL' }, 'type', 'UNKNOWN_SUBJECT_TYPE'],
    ['a missing name (variables)', { ...hospital(50), name: undefined }, 'name', 'MISSING_FIELD'],
  ];

  it.each(badItems)('refuses a batch with %s: BAD_USER_INPUT naming index, field and reason, and stores nothing', async (_, bad, field, reason) => {
    await register(api, regulator, [hospital(1), practitioner(2)]);
    const before = await footprint(api.dataSource);
    // New subjects before the bad item (at index 3), so "nothing stored" means a rollback, not an early stop.
    const batch = [hospital(10), pharmacy(11), practitioner(12, { institutionCreditCode: orgCode(1), employedFrom: '2024-01-01' }), bad, insured(13)];
    const error = await fails(api, REGISTER, { in: batch }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 3, field, reason });
    expect(error.message).not.toMatch(RESIDENT_ID_SHAPE);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it('refuses 5,001 items with BATCH_TOO_LARGE and stores nothing', async () => {
    const items = Array.from({ length: 5001 }, (_, i) => hospital(1000 + i));
    const error = await fails(api, `mutation($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { id } }`, { in: items }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', reason: 'BATCH_TOO_LARGE' });
    expect(await count(api.dataSource, 'subjects')).toBe(0);
  });
});

describe('registerSubjects cost: one per item, whatever scalars are selected', () => {
  const FIELDS = 'id type name creditCode maskedResidentId regionCode';
  // 5,000 real subjects of all four types: valid credit codes and resident IDs, all distinct.
  const items = Array.from({ length: 5000 }, (_, i) =>
    i % 4 === 0 ? hospital(10_000 + i) : i % 4 === 1 ? pharmacy(10_000 + i) : i % 4 === 2 ? practitioner(i) : insured(i),
  );

  it('registers 5,000 items with a normal selection (not QUERY_TOO_COMPLEX)', async () => {
    const body = await call(api, `mutation($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { ${FIELDS} } }`, { in: items }, regulator);
    expect(body.errors).toBeUndefined();
    const subjects = body.data!.registerSubjects as Record<string, string | null>[];
    expect(subjects).toHaveLength(5000);
    expect(subjects.map((s) => s.type)).toEqual(items.map((i) => i.type));
    expect(subjects[0]).toMatchObject({ creditCode: items[0].creditCode, name: items[0].name, regionCode: items[0].regionCode });
    expect(subjects[2].maskedResidentId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(new Set(subjects.map((s) => s.id)).size).toBe(5000);
    expect(await count(api.dataSource, 'subjects')).toBe(5000);
  });

  it('costs the same through fragments, __typename and @skip/@include', async () => {
    const query = `mutation($in: [RegisterSubjectInput!]!, $yes: Boolean!) {
      registerSubjects(input: $in) { __typename ...Core ... on Subject { maskedResidentId regionCode @include(if: $yes) } profession @skip(if: $yes) }
    }
    fragment Core on Subject { id type name creditCode }`;
    const body = await call(api, query, { in: items, yes: true }, regulator);
    expect(body.errors).toBeUndefined();
    expect(body.data!.registerSubjects).toHaveLength(5000);
  });

  it('still multiplies a nested list by the items: 5,000 subjects with their events are refused before anything runs', async () => {
    const query = `mutation($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { id events(first: 10) { id } } }`;
    const error = await fails(api, query, { in: items }, regulator);
    // 1 + 5,000 × (1 per item + events: 1 + 10 × 1); the scalar id is part of the item's one.
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY', complexity: 60_001 });
    const deep = `mutation($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { id events(first: 1000) { id history { version } } } }`;
    expect((await fails(api, deep, { in: items.slice(0, 100) }, regulator)).extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(await count(api.dataSource, 'subjects')).toBe(0);
  });

  it('adds up aliased batch mutations: five 5,000-item batches in one operation are refused', async () => {
    const aliases = ['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: registerSubjects(input: $in) { id name }`).join(' ');
    const error = await fails(api, `mutation($in: [RegisterSubjectInput!]!) { ${aliases} }`, { in: items }, regulator);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY', complexity: 5 * 5001 });
    expect(await count(api.dataSource, 'subjects')).toBe(0);
  });
});

describe('resident IDs', () => {
  const PERSON = `query Person($id: ID) { subject(id: $id) { id type maskedResidentId residentId } }`;
  const MASKED = `query Person($id: ID) { subject(id: $id) { id type name maskedResidentId } }`;

  it('are stored encrypted and masked, never in clear', async () => {
    const id = residentId(7);
    const [doctor] = await register(api, regulator, [practitioner(7)]);
    const [row] = await api.dataSource.query(
      'SELECT resident_id_enc AS enc, resident_id_masked AS masked, resident_id_hmac AS hmac FROM subjects WHERE id = ?',
      [doctor.id],
    );
    expect(Buffer.isBuffer(row.enc)).toBe(true);
    expect(row.enc.length).toBeGreaterThan(0);
    expect(row.enc.toString('latin1')).not.toContain(id);
    expect(row.enc.toString('hex')).not.toContain(Buffer.from(id).toString('hex'));
    expect(row.masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(row.hmac).toMatch(/^[0-9a-f]{64}$/);
    // No column of any table holds it: subjects, audit log.
    const everything = JSON.stringify([
      await api.dataSource.query('SELECT id, type, name, credit_code, resident_id_hmac, resident_id_masked, HEX(resident_id_enc) AS enc FROM subjects'),
      await api.dataSource.query('SELECT actor, action, target_id, diff FROM audit_log'),
    ]);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(id.slice(6, 14) + id.slice(14)); // birth date + tail, the part the mask hides
  });

  it('are revealed in clear to a REGULATOR only, and the reveal is audited', async () => {
    const id = residentId(7);
    const [doctor] = await register(api, regulator, [practitioner(7)]);
    const data = await ok(api, PERSON, { id: doctor.id }, regulator);
    expect(data.subject).toEqual({ id: doctor.id, type: 'PRACTITIONER', maskedResidentId: `${id.slice(0, 6)}********${id.slice(14)}`, residentId: id });
    const audit: { action: string; target_type: string; target_id: string; actor: string; diff: unknown }[] = await api.dataSource.query(
      `SELECT action, target_type, target_id, actor, diff FROM audit_log WHERE action = 'subject.reveal_resident_id'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'subject', target_id: doctor.id, actor: expect.stringMatching(/^apikey:/) });
    expect(JSON.stringify(audit[0].diff)).not.toContain(id);
  });

  it('give an AUDITOR the masked ID and FORBIDDEN for the clear one, with no ID anywhere in the answer', async () => {
    const auditor = await createKey(api, Role.AUDITOR);
    const [doctor, person] = await register(api, regulator, [practitioner(7), insured(8)]);
    for (const s of [doctor, person]) {
      const masked = await ok(api, MASKED, { id: s.id }, auditor);
      expect(masked.subject.maskedResidentId).toBe(s.maskedResidentId);
      expect(masked.subject.maskedResidentId).toMatch(/^\d{6}\*{8}[0-9X]{4}$/);

      const res = await api.gql(PERSON, { id: s.id }, auditor);
      expect(res.status).toBe(200);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(res.body.errors[0].path).toEqual(['subject', 'residentId']);
      expect(res.body.data.subject?.residentId ?? null).toBeNull();
      expect(res.text).not.toMatch(RESIDENT_ID_SHAPE);
    }
    expect(await count(api.dataSource, 'audit_log', `action = 'subject.reveal_resident_id'`)).toBe(0);
  });

  it('are null (not an error) for organisations, and unrevealed organisations write no reveal audit', async () => {
    const [h] = await register(api, regulator, [hospital(1)]);
    const data = await ok(api, PERSON, { id: h.id }, regulator);
    expect(data.subject).toMatchObject({ maskedResidentId: null, residentId: null });
    expect(await count(api.dataSource, 'audit_log', `action = 'subject.reveal_resident_id'`)).toBe(0);
  });
});

describe('employment history', () => {
  it('closes the open employment the day before a new one starts; the same employer again changes nothing', async () => {
    const [a, b] = await register(api, regulator, [hospital(1), pharmacy(2)]);
    const [doctor] = await register(api, regulator, [practitioner(3, { institutionCreditCode: orgCode(1), employedFrom: '2024-01-01' })]);
    let jobs = (await ok(api, EMPLOYMENTS, { id: doctor.id }, regulator)).subject.employments;
    expect(jobs).toEqual([{ institutionId: a.id, fromDate: '2024-01-01', toDate: null }]);

    const [again] = await register(api, regulator, [practitioner(3, { institutionCreditCode: shopCode(2), employedFrom: '2025-03-01' })]);
    expect(again.id).toBe(doctor.id);
    jobs = (await ok(api, EMPLOYMENTS, { id: doctor.id }, regulator)).subject.employments;
    expect(jobs).toEqual([
      { institutionId: a.id, fromDate: '2024-01-01', toDate: '2025-02-28' },
      { institutionId: b.id, fromDate: '2025-03-01', toDate: null },
    ]);

    await register(api, regulator, [practitioner(3, { institutionCreditCode: shopCode(2), employedFrom: '2025-06-01' })]);
    await register(api, regulator, [practitioner(3, { institutionCreditCode: shopCode(2) })]);
    await register(api, regulator, [practitioner(3)]);
    expect((await ok(api, EMPLOYMENTS, { id: doctor.id }, regulator)).subject.employments).toEqual(jobs);
    expect(await count(api.dataSource, 'employments')).toBe(2);
  });

  it('refuses a new employment that starts before the current one began, and changes nothing', async () => {
    await register(api, regulator, [hospital(1), pharmacy(2)]);
    await register(api, regulator, [practitioner(3, { institutionCreditCode: orgCode(1), employedFrom: '2024-01-01' })]);
    const before = await api.dataSource.query('SELECT * FROM employments ORDER BY id');
    const error = await fails(api, REGISTER, { in: [hospital(9), practitioner(3, { institutionCreditCode: shopCode(2), employedFrom: '2023-12-31' })] }, regulator);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 1, field: 'employedFrom', reason: 'INVALID_DATE' });
    expect(await api.dataSource.query('SELECT * FROM employments ORDER BY id')).toEqual(before);
    expect(await count(api.dataSource, 'subjects')).toBe(3);
  });

  it('accepts an employer registered in the same batch, even after the practitioner', async () => {
    const [doctor, h] = await register(api, regulator, [practitioner(3, { institutionCreditCode: orgCode(5), employedFrom: '2024-03-01' }), hospital(5)]);
    expect((await ok(api, EMPLOYMENTS, { id: doctor.id }, regulator)).subject.employments).toEqual([{ institutionId: h.id, fromDate: '2024-03-01', toDate: null }]);
    // A move on 1 March of a leap year closes the old employment on 29 February.
    const [p] = await register(api, regulator, [pharmacy(6), practitioner(7, { institutionCreditCode: orgCode(5), employedFrom: '2023-05-01' })]);
    await register(api, regulator, [practitioner(7, { institutionCreditCode: shopCode(6), employedFrom: '2024-03-01' })]);
    const [, doctor7] = await register(api, regulator, [pharmacy(6), practitioner(7)]);
    expect((await ok(api, EMPLOYMENTS, { id: doctor7.id }, regulator)).subject.employments).toEqual([
      { institutionId: h.id, fromDate: '2023-05-01', toDate: '2024-02-29' },
      { institutionId: p.id, fromDate: '2024-03-01', toDate: null },
    ]);
  });

  it('is empty for subjects other than practitioners', async () => {
    const [h] = await register(api, regulator, [hospital(1)]);
    expect((await ok(api, EMPLOYMENTS, { id: h.id }, regulator)).subject.employments).toEqual([]);
  });
});

describe('subject and subjects queries', () => {
  it('find one subject by id or by credit code; both or neither is BAD_USER_INPUT; unknown is null', async () => {
    const [h, p] = await register(api, regulator, [hospital(1), pharmacy(2)]);
    expect((await ok(api, SUBJECT, { id: h.id }, regulator)).subject).toMatchObject({ id: h.id, creditCode: orgCode(1) });
    expect((await ok(api, SUBJECT, { creditCode: shopCode(2) }, regulator)).subject).toMatchObject({ id: p.id, type: 'PHARMACY' });
    expect((await ok(api, SUBJECT, { creditCode: shopCode(2).toLowerCase() }, regulator)).subject).toMatchObject({ id: p.id });
    expect((await ok(api, SUBJECT, { id: '987654321' }, regulator)).subject).toBeNull();
    expect((await ok(api, SUBJECT, { creditCode: orgCode(99) }, regulator)).subject).toBeNull();
    expect((await ok(api, SUBJECT, { id: 'not-a-number' }, regulator)).subject).toBeNull();

    const both = await call(api, SUBJECT, { id: h.id, creditCode: orgCode(1) }, regulator);
    expect(both.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(both.data?.subject ?? null).toBeNull();
    const neither = await call(api, SUBJECT, {}, regulator);
    expect(neither.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(neither.data?.subject ?? null).toBeNull();
  });

  it('list subjects filtered by type and region, in id order, each exactly once across cursor pages', async () => {
    // Interleaved registrations, so a filter has gaps in the id sequence to step over.
    const items: Item[] = [];
    for (let i = 0; i < 7; i++) {
      items.push(hospital(100 + i, { regionCode: '110101' }));
      if (i < 3) items.push(hospital(200 + i, { regionCode: '310101' }));
      if (i < 4) items.push(pharmacy(300 + i, { regionCode: '110101' }));
      if (i < 2) items.push(practitioner(400 + i, { regionCode: '110101' }));
    }
    const registered = await register(api, regulator, items);
    const idsWhere = (pred: (item: Item) => boolean) =>
      registered.filter((_, i) => pred(items[i])).map((s) => s.id).sort((x, y) => Number(BigInt(x) - BigInt(y)));

    const pageAll = async (vars: Item): Promise<string[]> => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const data = await ok(api, PAGE, { ...vars, after }, regulator);
        const { nodes, pageInfo } = data.subjects as { nodes: { id: string; type: string; regionCode: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        if (vars.type) expect(nodes.every((n) => n.type === vars.type)).toBe(true);
        if (vars.regionCode) expect(nodes.every((n) => n.regionCode === vars.regionCode)).toBe(true);
        expect(nodes.length).toBeLessThanOrEqual(Number(vars.first ?? 100));
        seen.push(...nodes.map((n) => n.id));
        if (!pageInfo.hasNextPage) return seen;
        expect(nodes.length).toBe(vars.first);
        after = pageInfo.endCursor;
        expect(after).toEqual(expect.any(String));
      }
      throw new Error('pagination did not end');
    };

    const hospitalsInBeijing = idsWhere((i) => i.type === 'MEDICAL_INSTITUTION' && i.regionCode === '110101');
    expect(hospitalsInBeijing).toHaveLength(7);
    expect(await pageAll({ type: 'MEDICAL_INSTITUTION', regionCode: '110101', first: 3 })).toEqual(hospitalsInBeijing);
    expect(await pageAll({ type: 'MEDICAL_INSTITUTION', first: 4 })).toEqual(idsWhere((i) => i.type === 'MEDICAL_INSTITUTION'));
    expect(await pageAll({ regionCode: '110101', first: 5 })).toEqual(idsWhere((i) => i.regionCode === '110101'));
    expect(await pageAll({ type: 'PHARMACY', first: 4 })).toEqual(idsWhere((i) => i.type === 'PHARMACY'));
    const all = await pageAll({ first: 2 });
    expect(all).toEqual(idsWhere(() => true));
    expect(new Set(all).size).toBe(items.length);
    expect(await pageAll({ type: 'INSURED_PERSON', first: 2 })).toEqual([]);
    expect(await pageAll({})).toEqual(all);
  });

  it('refuse a malformed cursor and a page size outside 1..1000 with BAD_USER_INPUT', async () => {
    await register(api, regulator, [hospital(1)]);
    for (const vars of [{ after: 'not-a-cursor' }, { after: Buffer.from('{"id":1}').toString('base64url') }]) {
      const error = await fails(api, PAGE, vars, regulator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'INVALID_CURSOR' });
    }
    for (const first of [0, -1, 1001]) {
      const error = await fails(api, PAGE, { first }, regulator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('answer an AUDITOR too (read-only), and refuse registration to an AUDITOR', async () => {
    const auditor = await createKey(api, Role.AUDITOR);
    const [h] = await register(api, regulator, [hospital(1)]);
    expect((await ok(api, SUBJECT, { id: h.id }, auditor)).subject.id).toBe(h.id);
    const error = await fails(api, REGISTER, { in: [hospital(2)] }, auditor);
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(await count(api.dataSource, 'subjects')).toBe(1);
  });
});
