import { ApiKeysService, Role } from '@app/auth';
import { addDays, DEFAULT_RULE_SETS, RuleSet, shanghaiDate, SubjectType, validateRuleSet } from '@app/credit';
import { FullRescoreService, RuleSetsService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import { makeCreditCode, makeResidentId } from '@app/credit';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

let api: TestApi;
let regulator: string;
let budget: string;
const tomorrow = () => addDays(shanghaiDate(new Date()), 1);
const PUBLISH = 'mutation ($r: JSON!) { publishRuleSet(ruleSet: $r) { subjectType version effectiveFrom body } }';

function nextPharmacyRules(overrides: Partial<RuleSet> = {}): RuleSet {
  const rs = structuredClone(DEFAULT_RULE_SETS[SubjectType.PHARMACY]) as RuleSet & { score: { base: number } };
  rs.score.base = 860;
  return { ...rs, version: 2, effectiveFrom: tomorrow(), ...overrides } as RuleSet;
}

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  const keys = api.app.get(ApiKeysService);
  regulator = (await keys.create(Role.REGULATOR, 'r', 'test')).secret;
  budget = (await keys.create(Role.BUDGET, 'b', 'test')).secret;
});
afterAll(() => api.close());

describe('rule sets as data', () => {
  it('ship version 1 of every subject type as a seed, equal to the defaults of libs/credit and valid', async () => {
    const res = await api.gql('{ ruleSets { subjectType version effectiveFrom body } }', undefined, budget);
    const stored = res.body.data.ruleSets;
    expect(stored.map((r: RuleSet) => `${r.subjectType}:${r.version}:${r.effectiveFrom}`).sort()).toEqual(
      Object.values(SubjectType).map((t) => `${t}:1:2025-01-01`).sort(),
    );
    for (const r of stored) {
      expect(r.body).toEqual(DEFAULT_RULE_SETS[r.subjectType as SubjectType]);
      expect(validateRuleSet(r.body)).toEqual([]);
    }
  });

  it('publish the next version with a future effective date, audited; the old version stays in force until then', async () => {
    const res = await api.gql(PUBLISH, { r: nextPharmacyRules() }, regulator);
    expect(res.body.data.publishRuleSet).toMatchObject({ subjectType: 'PHARMACY', version: 2, effectiveFrom: tomorrow() });
    const service = api.app.get(RuleSetsService);
    expect((await service.inForce(SubjectType.PHARMACY, shanghaiDate(new Date()))).version).toBe(1);
    const next = await service.inForce(SubjectType.PHARMACY, tomorrow());
    expect(next.version).toBe(2);
    expect((next as unknown as { score: { base: number } }).score.base).toBe(860);
    expect((await service.inForce(SubjectType.MEDICAL_INSTITUTION, tomorrow())).version).toBe(1);
    const audit = await api.dataSource.query(`SELECT action, target_id FROM audit_log WHERE action = 'ruleset.publish'`);
    expect(audit).toEqual([{ action: 'ruleset.publish', target_id: 'PHARMACY:2' }]);
  });

  it.each([
    ['an invalid rule set', () => nextPharmacyRules({ version: 0 }), 'BAD_USER_INPUT', 'INVALID_RULE_SET'],
    ['a version that skips one', () => nextPharmacyRules({ version: 3 }), 'CONFLICT', undefined],
    ['a version already published', () => nextPharmacyRules({ version: 1 }), 'CONFLICT', undefined],
    ['an effective date today', () => nextPharmacyRules({ effectiveFrom: shanghaiDate(new Date()) }), 'BAD_USER_INPUT', 'INVALID_DATE'],
    ['not an object', () => 'rules' as unknown as RuleSet, 'BAD_USER_INPUT', 'INVALID_RULE_SET'],
  ])('refuse %s and store nothing', async (_, make, code, reason) => {
    const res = await api.gql(PUBLISH, { r: make() }, regulator);
    expect(res.body.errors[0].extensions.code).toBe(code);
    if (reason) expect(res.body.errors[0].extensions.reason).toBe(reason);
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM rule_sets'))[0].n)).toBe(4);
  });

  it('lists the problems of an invalid rule set', async () => {
    const broken = nextPharmacyRules() as unknown as { score: { base: unknown } };
    broken.score.base = 'high';
    const res = await api.gql(PUBLISH, { r: broken }, regulator);
    expect(res.body.errors[0].extensions.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^score\.base: /)]));
  });

  it('previewRuleSet says how many subjects, and which, would change grade, and stores nothing', async () => {
    const codes = [0, 1, 2].map((i) => makeCreditCode(`9144030019220${i}821`));
    const shops = await api.app.get(SubjectsService).register(
      codes.map((creditCode, i) => ({ type: 'PHARMACY', name: `药房${i}`, creditCode, agreementSignedOn: '2015-01-01' })),
      'test',
    );
    // Shop 0: an interview (−10: 840, B either way). Shop 1: an Art.38 penalty (750, C). Shop 2: nothing (850, B).
    await api.app.get(EventsService).record(
      [
        { sourceSystem: 'p', sourceRef: '0', subjectId: shops[0].id, type: 'INTERVIEW', occurredOn: '2026-05-01', decidedOn: '2026-06-01' },
        { sourceSystem: 'p', sourceRef: '1', subjectId: shops[1].id, type: 'PENALTY_ART38', occurredOn: '2026-05-01', decidedOn: '2026-06-01', amountInvolvedFen: 100_000, fineFen: 100_000, fineMultiple: 1 },
      ],
      'test',
    );
    // A region lowers the bar for B to 740: shop 1 (750) moves from C to B; nobody else changes grade.
    const candidate = nextPharmacyRules() as unknown as { score: { base: number }; gradeThresholds: Record<string, number> };
    candidate.score.base = 850;
    candidate.gradeThresholds = { ...candidate.gradeThresholds, B: 740 };
    const PREVIEW = 'query ($r: JSON!) { previewRuleSet(ruleSet: $r) { subjectType version subjectsCompared gradeChanges changes { subjectId creditCode fromGrade toGrade fromScore toScore } } }';
    const res = await api.gql(PREVIEW, { r: candidate }, regulator);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.previewRuleSet).toEqual({
      subjectType: 'PHARMACY',
      version: 2,
      subjectsCompared: 3,
      gradeChanges: 1,
      changes: [{ subjectId: shops[1].id, creditCode: codes[1], fromGrade: 'C', toGrade: 'B', fromScore: 750, toScore: 750 }],
    });
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM rule_sets'))[0].n)).toBe(4);
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM ratings'))[0].n)).toBe(0);
  });

  it('a published practitioner rule set decides the key-supervision list through status.keySupervisionFrom', async () => {
    const creditCode = makeCreditCode('12120000401111113');
    const [, doctor] = await api.app.get(SubjectsService).register(
      [
        { type: 'MEDICAL_INSTITUTION', name: '测试三院', creditCode },
        { type: 'PRACTITIONER', name: '郑医生', residentId: makeResidentId('12010319800101093'), profession: 'PHYSICIAN', institutionCreditCode: creditCode },
      ],
      'test',
    );
    // Art.38 with important responsibility: tier 2, 5 points in 2026 (REMINDED under version 1).
    await api.app.get(EventsService).record(
      [{ sourceSystem: 'p', sourceRef: 'ks', subjectId: doctor.id, type: 'PENALTY_ART38', responsibility: 'IMPORTANT', occurredOn: '2026-02-01', decidedOn: '2026-03-01' }],
      'test',
    );
    const rescore = api.app.get(FullRescoreService);
    const rated = async () =>
      (await api.dataSource.query('SELECT score, status, key_supervision FROM ratings WHERE subject_id = ?', [doctor.id]))[0];
    await rescore.run({ asOf: '2026-06-30' });
    expect(await rated()).toEqual({ score: 5, status: 'REMINDED', key_supervision: 0 });

    const v2 = { ...structuredClone(DEFAULT_RULE_SETS[SubjectType.PRACTITIONER]), version: 2, effectiveFrom: tomorrow() };
    v2.status = { remindedFrom: 3, keySupervisionFrom: 5 };
    const res = await api.gql(PUBLISH, { r: v2 }, regulator);
    expect(res.body.errors).toBeUndefined();
    // Publishing only accepts future dates; move it back (column and body) so that it is in force on 2026-06-30.
    await api.dataSource.query(
      `UPDATE rule_sets SET effective_from = '2026-01-01', body = JSON_SET(body, '$.effectiveFrom', '2026-01-01')
        WHERE subject_type = 'PRACTITIONER' AND version = 2`,
    );
    await rescore.run({ asOf: '2026-06-30' });
    expect(await rated()).toEqual({ score: 5, status: 'KEY_SUPERVISION', key_supervision: 1 });
  });
});
