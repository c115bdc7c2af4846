import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode, makeResidentId } from '@app/credit';
import { EventsService, SubjectsService } from '@app/registry';
import { PointsReader } from '@app/ratings';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

let api: TestApi;
let regulator: string;
let doctorId: string;
let hospitalId: string;
const POINTS = 'query ($id: ID, $year: Int) { subject(id: $id) { points(year: $year) { year total status suspendedFrom suspendedUntil barredUntil } } }';

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  regulator = (await api.app.get(ApiKeysService).create(Role.REGULATOR, 'r', 'test')).secret;
  const creditCode = makeCreditCode('12120000401111111');
  const [hospital, doctor] = await api.app.get(SubjectsService).register(
    [
      { type: 'MEDICAL_INSTITUTION', name: '测试医院', creditCode },
      { type: 'PRACTITIONER', name: '周医生', residentId: makeResidentId('12010319800101077'), profession: 'PHYSICIAN', institutionCreditCode: creditCode },
    ],
    'test',
  );
  [hospitalId, doctorId] = [hospital.id, doctor.id];
  // Art.38 (tier 2, general: 4 points), then settling under another's name (tier 3, general: 7): 11 in 2026.
  await api.app.get(EventsService).record(
    [
      { sourceSystem: 'p', sourceRef: '1', subjectId: doctorId, type: 'PENALTY_ART38', responsibility: 'GENERAL', occurredOn: '2026-02-01', decidedOn: '2026-03-01' },
      { sourceSystem: 'p', sourceRef: '2', subjectId: doctorId, type: 'IMPERSONATED_SETTLEMENT', responsibility: 'GENERAL', occurredOn: '2026-03-15', decidedOn: '2026-04-01' },
    ],
    'test',
  );
});
afterAll(() => api.close());

describe('Subject.points(year): the practitioner 12-point cycle', () => {
  it('reports the year\'s points and the suspension the 11 points brought, counted from the crossing decision', async () => {
    const res = await api.gql(POINTS, { id: doctorId, year: 2026 }, regulator);
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.subject.points;
    expect(p).toMatchObject({ year: 2026, total: 11, suspendedFrom: '2026-04-01', barredUntil: null });
    // Cumulative 11 → 3 months (domain.md §4), inclusive of the decision date.
    expect(p.suspendedUntil).toBe('2026-06-30');
  });

  it('a year without events is 0 points, ACTIVE; an institution has no points; a year before the cycle is refused', async () => {
    expect((await api.gql(POINTS, { id: doctorId, year: 2025 }, regulator)).body.data.subject.points).toMatchObject({ total: 0, status: 'ACTIVE' });
    expect((await api.gql(POINTS, { id: hospitalId, year: 2026 }, regulator)).body.data.subject.points).toBeNull();
    expect((await api.gql(POINTS, { id: doctorId, year: 2024 }, regulator)).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('12 points or more terminate with a 1-year bar; the next 1 January resets the points but not the bar', async () => {
    const creditCode = makeCreditCode('12120000401111112');
    const [, doctor] = await api.app.get(SubjectsService).register(
      [
        { type: 'MEDICAL_INSTITUTION', name: '测试二院', creditCode },
        { type: 'PRACTITIONER', name: '吴医生', residentId: makeResidentId('12010319800101085'), profession: 'PHYSICIAN', institutionCreditCode: creditCode },
      ],
      'test',
    );
    // Main responsibility: Art.38 tier 2 = 6 points, then settling under another's name tier 3 = 9: 15 in 2026.
    await api.app.get(EventsService).record(
      [
        { sourceSystem: 'p', sourceRef: '3', subjectId: doctor.id, type: 'PENALTY_ART38', responsibility: 'MAIN', occurredOn: '2026-02-01', decidedOn: '2026-03-01' },
        { sourceSystem: 'p', sourceRef: '4', subjectId: doctor.id, type: 'IMPERSONATED_SETTLEMENT', responsibility: 'MAIN', occurredOn: '2026-03-15', decidedOn: '2026-04-01' },
      ],
      'test',
    );
    const reader = api.app.get(PointsReader);
    const [in2026] = await reader.forKeys([{ subjectId: doctor.id, year: 2026 }], '2026-06-01');
    // Cumulative, no single 12-point event: a 1-year bar from the decision that crossed 12.
    expect(in2026).toMatchObject({ total: 15, status: 'TERMINATED', barredUntil: '2027-03-31' });
    const [in2027] = await reader.forKeys([{ subjectId: doctor.id, year: 2027 }], '2027-01-05');
    expect(in2027).toMatchObject({ year: 2027, total: 0, status: 'TERMINATED', barredUntil: '2027-03-31' });
  });
});
