import {
  addMonths,
  addYears,
  ageOn,
  containsResidentIdPattern,
  EVENT_TYPES_BY_SUBJECT_TYPE,
  EventStatus,
  EventType,
  InspectionKind,
  isMinorOn,
  Profession,
  RecordEventItem,
  RegisterSubjectItem,
  SubjectType,
  validateCreditCode,
  validateEventItem,
  validateResidentId,
  validateSubjectItem,
} from '@app/credit';
import { DemoDataSet, generateDemoData } from './index';

const today = '2026-03-01';
const data = generateDemoData({ today });

const subjectsOf = (d: DemoDataSet): RegisterSubjectItem[] => [
  ...d.organisations,
  ...d.practitioners,
  ...d.insuredPersons,
];
const keyOf = (item: { creditCode?: string | null; residentId?: string | null }): string =>
  (item.creditCode ?? item.residentId) as string;
const birthDateOf = (residentId: string): string => {
  const result = validateResidentId(residentId);
  if (!result.ok) throw new Error('invalid resident ID');
  return result.birthDate;
};

function typeByKey(d: DemoDataSet): Map<string, SubjectType> {
  return new Map(subjectsOf(d).map((s) => [keyOf(s), s.type as SubjectType]));
}

function eventsPerSubject(subjects: RegisterSubjectItem[], events: RecordEventItem[]): number[] {
  const counts = new Map(subjects.map((s) => [keyOf(s), 0]));
  for (const e of events) {
    const key = keyOf(e);
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  return [...counts.values()].sort((a, b) => a - b);
}

function expectAllValid(d: DemoDataSet, onDay: string): void {
  const invalidSubjects = subjectsOf(d).filter((s) => validateSubjectItem(s, onDay) !== null);
  expect(invalidSubjects).toEqual([]);
  const types = typeByKey(d);
  const problems = d.events
    .map((e) => ({ e, issue: validateEventItem(e, { today: onDay, subjectType: types.get(keyOf(e)) }) }))
    .filter(({ issue }) => issue !== null);
  expect(problems).toEqual([]);
}

describe('generateDemoData determinism', () => {
  it('gives byte-identical output for the same options', () => {
    const again = generateDemoData({ today, seed: 1, scale: 1, years: 3 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('gives different data for a different seed', () => {
    const other = generateDemoData({ today, seed: 2 });
    expect(other.organisations[0].creditCode).not.toBe(data.organisations[0].creditCode);
    expect(other.events.map(keyOf)).not.toEqual(data.events.map(keyOf));
  });

  it('does not depend on Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    generateDemoData({ today, scale: 0.1 });
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });
});

describe('generateDemoData sizes', () => {
  it.each([
    [1, 200, 400, 600, 3000],
    [0.1, 20, 40, 60, 300],
    [3, 600, 1200, 1800, 9000],
  ])('at scale %d: %d organisations, %d practitioners, %d insured, %d events', (scale, orgs, prs, insured, events) => {
    const d = scale === 1 ? data : generateDemoData({ today, scale });
    expect(d.organisations).toHaveLength(orgs);
    expect(d.practitioners).toHaveLength(prs);
    expect(d.insuredPersons).toHaveLength(insured);
    expect(d.events).toHaveLength(events);
    if (scale !== 1) expectAllValid(d, today);
  });

  it('has about 60% institutions and 40% pharmacies', () => {
    const institutions = data.organisations.filter((o) => o.type === SubjectType.MEDICAL_INSTITUTION);
    const pharmacies = data.organisations.filter((o) => o.type === SubjectType.PHARMACY);
    expect(institutions).toHaveLength(120);
    expect(pharmacies).toHaveLength(80);
  });

  it('still makes a small valid data set at a tiny scale', () => {
    const d = generateDemoData({ today, scale: 0.001 });
    expect(d.organisations.length).toBeGreaterThanOrEqual(2);
    expect(d.practitioners.length).toBeGreaterThanOrEqual(1);
    expect(d.insuredPersons.length).toBeGreaterThanOrEqual(1);
    expectAllValid(d, today);
  });
});

describe('generateDemoData validity', () => {
  it('passes validateSubjectItem and validateEventItem for every item', () => {
    expectAllValid(data, today);
  });

  it('names every event by natural key, and only generated subjects', () => {
    const types = typeByKey(data);
    for (const e of data.events) {
      expect(e.subjectId).toBeUndefined();
      expect([e.creditCode, e.residentId].filter((k) => k !== undefined)).toHaveLength(1);
      const type = types.get(keyOf(e));
      expect(type).toBeDefined();
      expect(EVENT_TYPES_BY_SUBJECT_TYPE[type!]).toContain(e.type);
    }
  });

  it('has unique credit codes, resident IDs, organisation names and source references', () => {
    const codes = data.organisations.map((o) => o.creditCode);
    const ids = [...data.practitioners, ...data.insuredPersons].map((p) => p.residentId);
    const refs = data.events.map((e) => e.sourceRef);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(data.organisations.map((o) => o.name)).size).toBe(data.organisations.length);
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(data.events.map((e) => e.sourceSystem)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives credit codes that also pass the strict organisation-code check', () => {
    for (const o of data.organisations) {
      expect(validateCreditCode(o.creditCode!, { checkOrganizationCode: true })).toEqual({ ok: true });
      expect(o.creditCode!.slice(2, 8)).toBe(o.regionCode);
    }
  });

  it('puts no resident-ID-shaped text in names, decision numbers, authorities or legal bases', () => {
    const texts = [
      ...subjectsOf(data).map((s) => s.name),
      ...data.events.flatMap((e) => [e.decisionNo, e.authority, e.legalBasis, e.sourceRef]),
    ].filter((t): t is string => typeof t === 'string');
    expect(texts.filter(containsResidentIdPattern)).toEqual([]);
  });
});

describe('generateDemoData subjects', () => {
  it('gives persons an ID whose address code is their region', () => {
    for (const p of [...data.practitioners, ...data.insuredPersons]) {
      expect(p.residentId!.slice(0, 6)).toBe(p.regionCode);
    }
  });

  it('uses districts of several prefectures', () => {
    const prefectures = new Set(subjectsOf(data).map((s) => s.regionCode!.slice(0, 4)));
    expect(prefectures).toEqual(new Set(['1101', '1201', '1501', '2101', '4401', '3701']));
  });

  it('has adult practitioners employed by generated organisations, pharmacists mostly at pharmacies', () => {
    const orgTypes = typeByKey(data);
    for (const p of data.practitioners) {
      expect(ageOn(birthDateOf(p.residentId!), today)).toBeGreaterThanOrEqual(18);
      expect(orgTypes.get(p.institutionCreditCode!)).toMatch(/^(MEDICAL_INSTITUTION|PHARMACY)$/);
    }
    const pharmacists = data.practitioners.filter((p) => p.profession === Profession.PHARMACIST);
    const atPharmacy = pharmacists.filter((p) => orgTypes.get(p.institutionCreditCode!) === SubjectType.PHARMACY);
    expect(atPharmacy.length / pharmacists.length).toBeGreaterThan(0.7);
    expect(new Set(data.practitioners.map((p) => p.profession))).toEqual(new Set(Object.values(Profession)));
  });

  it('includes a few minors among the insured persons', () => {
    const minors = data.insuredPersons.filter((p) => isMinorOn(birthDateOf(p.residentId!), today));
    expect(minors.length).toBeGreaterThanOrEqual(30);
    expect(minors.length).toBeLessThanOrEqual(120);
    const small = generateDemoData({ today, scale: 0.1 });
    expect(small.insuredPersons.some((p) => isMinorOn(birthDateOf(p.residentId!), today))).toBe(true);
  });

  it('has agreements mostly signed years ago and a few within the last 6 months', () => {
    const sixMonthsAgo = addMonths(today, -6);
    const recent = data.organisations.filter((o) => o.agreementSignedOn! > sixMonthsAgo);
    const old = data.organisations.filter((o) => o.agreementSignedOn! <= addYears(today, -2));
    expect(recent.length).toBeGreaterThanOrEqual(3);
    expect(recent.length).toBeLessThanOrEqual(20);
    expect(old.length / data.organisations.length).toBeGreaterThan(0.6);
  });
});

describe('generateDemoData events', () => {
  it('keeps occurredOn <= decidedOn <= today, within the period, in decision order', () => {
    const start = addYears(today, -3);
    let previous = '';
    for (const e of data.events) {
      expect(e.occurredOn >= start && e.occurredOn <= e.decidedOn && e.decidedOn <= today).toBe(true);
      expect(e.decidedOn >= previous).toBe(true);
      previous = e.decidedOn;
    }
  });

  it('honours a shorter period', () => {
    const d = generateDemoData({ today, scale: 0.2, years: 1 });
    const start = addYears(today, -1);
    expect(d.events.every((e) => e.occurredOn >= start)).toBe(true);
    expectAllValid(d, today);
  });

  it('dates no organisation event before its agreement', () => {
    const signed = new Map(data.organisations.map((o) => [o.creditCode!, o.agreementSignedOn!]));
    const early = data.events.filter((e) => e.creditCode && e.occurredOn < signed.get(e.creditCode)!);
    expect(early).toEqual([]);
  });

  it('contains every expected type for each kind of subject', () => {
    const types = typeByKey(data);
    const seen = new Map<SubjectType, Set<string>>();
    for (const e of data.events) {
      const type = types.get(keyOf(e))!;
      const group = type === SubjectType.PHARMACY ? SubjectType.MEDICAL_INSTITUTION : type;
      if (!seen.has(group)) seen.set(group, new Set());
      seen.get(group)!.add(e.type);
    }
    for (const type of [SubjectType.MEDICAL_INSTITUTION, SubjectType.PRACTITIONER, SubjectType.INSURED_PERSON]) {
      expect([...seen.get(type)!].sort()).toEqual([...EVENT_TYPES_BY_SUBJECT_TYPE[type]].sort());
    }
  });

  it('has common everyday measures and rare severe ones', () => {
    const count = (type: EventType): number => data.events.filter((e) => e.type === type).length;
    const everyday = count(EventType.INTERVIEW) + count(EventType.PAYMENT_DENIED);
    const penalties = count(EventType.PENALTY_ART38) + count(EventType.PENALTY_ART39);
    expect(everyday).toBeGreaterThan(2 * penalties);
    expect(count(EventType.ANNUAL_ASSESSMENT)).toBeGreaterThan(penalties / 2);
    for (const rare of [EventType.AGREEMENT_TERMINATED, EventType.POLICE_REFERRAL_CONFIRMED, EventType.PENALTY_ART40]) {
      expect(count(rare)).toBeLessThan(penalties / 4);
    }
    expect(count(EventType.INSURED_FRAUD)).toBeLessThan(count(EventType.INSURED_VIOLATION) / 5);
  });

  it('is mostly FINAL with a few PROPOSED and UNDER_APPEAL; some self-reported; every inspection kind', () => {
    const withStatus = (status: EventStatus): number => data.events.filter((e) => e.status === status).length;
    expect(withStatus(EventStatus.FINAL) / data.events.length).toBeGreaterThan(0.9);
    expect(withStatus(EventStatus.PROPOSED)).toBeGreaterThan(5);
    expect(withStatus(EventStatus.UNDER_APPEAL)).toBeGreaterThan(5);
    expect(data.events.filter((e) => e.selfReported === true).length).toBeGreaterThan(10);
    const kinds = new Set(data.events.map((e) => e.inspectionKind).filter(Boolean));
    expect(kinds).toEqual(new Set(Object.values(InspectionKind)));
  });

  it('gives practitioner events a responsibility, except repair activities', () => {
    const practitioners = new Set(data.practitioners.map((p) => p.residentId));
    const events = data.events.filter((e) => practitioners.has(e.residentId));
    expect(events.filter((e) => e.type !== EventType.REPAIR_ACTIVITY && !e.responsibility)).toEqual([]);
    expect(events.filter((e) => e.type === EventType.REPAIR_ACTIVITY && e.responsibility)).toEqual([]);
  });

  it('computes fines from the loss and the multiple within the legal ranges', () => {
    const fined = data.events.filter((e) => e.fineMultiple !== undefined && e.fineFen !== undefined);
    expect(fined.length).toBeGreaterThan(50);
    for (const e of fined) {
      expect(e.fineFen).toBe(Math.round((e.amountInvolvedFen! * Math.round(e.fineMultiple! * 10)) / 10));
      const [min, max] = e.type === EventType.PENALTY_ART38 ? [1, 2] : [2, 5];
      expect(e.fineMultiple).toBeGreaterThanOrEqual(min);
      expect(e.fineMultiple).toBeLessThanOrEqual(max);
    }
    const art39 = data.events.filter((e) => e.type === EventType.PENALTY_ART39 && e.creditCode);
    expect(art39.every((e) => e.fineFen! >= 1_000_000 && e.fineFen! <= 5_000_000)).toBe(true);
  });
});

describe('generateDemoData decision numbers', () => {
  const decided = data.events.filter((e) => e.decisionNo !== undefined);
  const byNumber = new Map<string, RecordEventItem[]>();
  for (const e of decided) byNumber.set(e.decisionNo!, [...(byNumber.get(e.decisionNo!) ?? []), e]);

  it('look like real ones, with the year of the decision', () => {
    expect(decided.length / data.events.length).toBeGreaterThan(0.9);
    for (const e of decided) {
      expect(e.decisionNo).toMatch(/^[京津呼沈穗济]医保[罚协稽移考表记]〔\d{4}〕[1-9]\d*号$/);
      expect(e.decisionNo!.slice(5, 9)).toBe(e.decidedOn.slice(0, 4));
    }
  });

  it('belong to one case: same date and authority for every event that shares one', () => {
    for (const events of byNumber.values()) {
      expect(new Set(events.map((e) => `${e.decidedOn} ${e.authority} ${e.status}`)).size).toBe(1);
    }
  });

  it('are shared by several types in some cases, and by an institution and its practitioners in others', () => {
    const groups = [...byNumber.values()].filter((events) => events[0].type !== EventType.ANNUAL_ASSESSMENT);
    expect(groups.filter((events) => new Set(events.map((e) => e.type)).size > 1).length).toBeGreaterThan(10);
    const mixed = groups.filter((events) => events.some((e) => e.creditCode) && events.some((e) => e.residentId));
    expect(mixed.length).toBeGreaterThan(3);
  });
});

describe('generateDemoData skew', () => {
  it('gives a few organisations many events and the median organisation few', () => {
    const counts = eventsPerSubject(data.organisations, data.events);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(-Math.ceil(counts.length * 0.05));
    const median = counts[Math.floor(counts.length / 2)];
    expect(top.reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.2);
    expect(Math.min(...top)).toBeGreaterThan(4 * Math.max(1, median));
  });

  it('leaves most insured persons without any event, and most subjects with at most two', () => {
    const insured = eventsPerSubject(data.insuredPersons, data.events);
    expect(insured.filter((n) => n === 0).length / insured.length).toBeGreaterThan(0.6);
    const all = eventsPerSubject(subjectsOf(data), data.events);
    expect(all.filter((n) => n <= 2).length / all.length).toBeGreaterThan(0.6);
    expect(Math.max(...all)).toBeGreaterThan(15);
  });
});

describe('generateDemoData options', () => {
  it.each([
    [{ today: '2026-02-30' }],
    [{ today, scale: 0 }],
    [{ today, scale: Number.NaN }],
    [{ today, seed: 1.5 }],
    [{ today, years: 0 }],
    [{ today, years: 2.5 }],
    [{ today: '1991-01-01', years: 3 }],
  ])('refuses %j', (options) => {
    expect(() => generateDemoData(options)).toThrow(RangeError);
  });
});
