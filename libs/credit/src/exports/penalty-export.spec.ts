import { EventStatus, EventType, SubjectType } from '../model';
import { PENALTY_EXPORT_FIELDS } from './fields';
import {
  DEFAULT_PENALTY_EXPORT_RULES,
  ExportEvent,
  ExportSettings,
  ExportSubject,
  ExportWithdrawalReason,
  exportRow,
  formatExportDates,
  penaltyExportRecord,
  publicationEnded,
  withdrawnRecord,
} from './penalty-export';

const settings: ExportSettings = {
  authorityCodes: { 天津市医疗保障局: '11120000MB1234567X' },
  dataSource: { name: '天津市医疗保障局', code: '11120000MB1234567X' },
};
const noCase = { policeReferralDecisionNos: new Set<string>() };

const hospital: ExportSubject = { type: SubjectType.MEDICAL_INSTITUTION, name: '天津某某医院', creditCode: '12120000401234567A', maskedResidentId: null, birthDate: null };
const person: ExportSubject = { type: SubjectType.INSURED_PERSON, name: '张三丰', creditCode: null, maskedResidentId: '120101********1234', birthDate: '1980-05-01' };

function event(overrides: Partial<ExportEvent> = {}): ExportEvent {
  return {
    type: EventType.PENALTY_ART38,
    status: EventStatus.FINAL,
    decisionNo: '津医保罚〔2026〕12号',
    legalBasis: '条例第38条',
    authority: '天津市医疗保障局',
    decidedOn: '2026-03-10',
    fineFen: 254100,
    amountInvolvedFen: 127050,
    suspensionDays: null,
    ...overrides,
  };
}

function exported(e: ExportEvent, s: ExportSubject = hospital, context = noCase) {
  const result = penaltyExportRecord(e, s, settings, context);
  if (!result.exported) throw new Error(`not exported: ${result.reason}`);
  return result;
}

describe('penaltyExportRecord: which events', () => {
  it.each([EventType.PENALTY_ART38, EventType.PENALTY_ART39, EventType.PENALTY_ART40])('exports FINAL %s of an institution', (type) => {
    expect(penaltyExportRecord(event({ type }), hospital, settings, noCase).exported).toBe(true);
  });

  it('exports INSURED_FRAUD of an adult insured person', () => {
    expect(penaltyExportRecord(event({ type: EventType.INSURED_FRAUD }), person, settings, noCase).exported).toBe(true);
  });

  it.each([EventType.INTERVIEW, EventType.PAYMENT_DENIED, EventType.BREACH_FEE, EventType.AGREEMENT_SUSPENDED, EventType.AGREEMENT_TERMINATED, EventType.POLICE_REFERRAL_CONFIRMED, EventType.INSURED_VIOLATION])(
    'never exports %s (not an administrative penalty)',
    (type) => expect(penaltyExportRecord(event({ type }), hospital, settings, noCase)).toEqual({ exported: false, reason: 'NOT_A_PENALTY' }),
  );

  it.each([EventStatus.PROPOSED, EventStatus.REVOKED, EventStatus.AMENDED])('never exports a %s decision', (status) => {
    expect(penaltyExportRecord(event({ status }), hospital, settings, noCase)).toEqual({ exported: false, reason: 'NOT_IN_FORCE' });
  });

  it('keeps a decision under appeal (it keeps its effect)', () => {
    expect(penaltyExportRecord(event({ status: EventStatus.UNDER_APPEAL }), hospital, settings, noCase).exported).toBe(true);
  });

  it('exports LICENCE_REVOKED only when the deciding authority is ours', () => {
    const practitioner: ExportSubject = { ...person, type: SubjectType.PRACTITIONER };
    const ours = event({ type: EventType.LICENCE_REVOKED, fineFen: null });
    expect(penaltyExportRecord(ours, practitioner, settings, noCase).exported).toBe(true);
    expect(penaltyExportRecord({ ...ours, authority: '天津市卫生健康委员会' }, practitioner, settings, noCase)).toEqual({ exported: false, reason: 'NOT_OUR_AUTHORITY' });
  });

  it("does not export a practitioner's Art.38–40 points record (the institution's decision)", () => {
    expect(penaltyExportRecord(event({ type: EventType.PENALTY_ART40 }), { ...person, type: SubjectType.PRACTITIONER }, settings, noCase)).toEqual({
      exported: false,
      reason: 'PRACTITIONER_POINTS_RECORD',
    });
  });

  describe('minor penalties are not published', () => {
    it('a warning only (no fine, no other measure)', () => {
      expect(penaltyExportRecord(event({ fineFen: null }), hospital, settings, noCase)).toEqual({ exported: false, reason: 'MINOR_PENALTY' });
      expect(penaltyExportRecord(event({ fineFen: 0 }), hospital, settings, noCase)).toEqual({ exported: false, reason: 'MINOR_PENALTY' });
    });

    it('by default any fine is published (the procedure is not recorded; exports.md publishes 罚款2541元)', () => {
      expect(penaltyExportRecord(event({ fineFen: 1 }), hospital, settings, noCase).exported).toBe(true);
    });

    it('with simplified-procedure limits configured: up to 3,000 yuan for organisations, 200 yuan for persons', () => {
      const limited = { ...settings, rules: { ...DEFAULT_PENALTY_EXPORT_RULES, simplifiedProcedureMaxFen: { person: 20_000, organisation: 300_000 } } };
      expect(penaltyExportRecord(event({ fineFen: 300_000 }), hospital, limited, noCase)).toEqual({ exported: false, reason: 'MINOR_PENALTY' });
      expect(penaltyExportRecord(event({ fineFen: 300_001 }), hospital, limited, noCase).exported).toBe(true);
      expect(penaltyExportRecord(event({ type: EventType.INSURED_FRAUD, fineFen: 20_000 }), person, limited, noCase).exported).toBe(false);
      expect(penaltyExportRecord(event({ type: EventType.INSURED_FRAUD, fineFen: 20_001 }), person, limited, noCase).exported).toBe(true);
    });

    it('a small fine with a suspension is not minor', () => {
      expect(penaltyExportRecord(event({ fineFen: 100, suspensionDays: 180 }), hospital, settings, noCase).exported).toBe(true);
    });
  });

  describe('minors are never exported (under 18 on the decision date)', () => {
    const decidedOn = '2026-03-10';
    it.each([
      ['2008-03-11', false],
      ['2008-03-10', false],
      ['2008-03-09', true],
      ['2015-01-01', false],
    ])('born %s → exported %p', (birthDate, expected) => {
      const result = penaltyExportRecord(event({ type: EventType.INSURED_FRAUD, decidedOn }), { ...person, birthDate }, settings, noCase);
      expect(result.exported).toBe(expected);
      if (!result.exported) expect(result.reason).toBe('MINOR_PERSON');
    });

    it('a person of unknown age is withheld', () => {
      expect(penaltyExportRecord(event({ type: EventType.INSURED_FRAUD }), { ...person, birthDate: null }, settings, noCase)).toEqual({ exported: false, reason: 'AGE_UNKNOWN' });
    });
  });

  it('needs a decision number (CF_WSH is the business key)', () => {
    expect(penaltyExportRecord(event({ decisionNo: null }), hospital, settings, noCase)).toEqual({ exported: false, reason: 'NO_DECISION_NO' });
  });
});

describe('penaltyExportRecord: the record', () => {
  it('has every code, in the order of exports.md, as strings', () => {
    const { record } = exported(event());
    expect(Object.keys(record)).toEqual([...PENALTY_EXPORT_FIELDS]);
    expect(Object.values(record).every((v) => typeof v === 'string')).toBe(true);
    expect(PENALTY_EXPORT_FIELDS).toHaveLength(30);
  });

  it('maps an Art.38 fine on an institution', () => {
    const { record, severe } = exported(event());
    expect(severe).toBe(false);
    expect(record).toMatchObject({
      CF_XDR_MC: '天津某某医院',
      CF_XDR_LB: '法人及非法人组织',
      CF_XDR_SHXYM: '12120000401234567A',
      CF_XDR_ZJLX: '',
      CF_XDR_ZJHM: '',
      CF_WSH: '津医保罚〔2026〕12号',
      CF_WFXW: '违反《医疗保障基金使用监督管理条例》第三十八条',
      CF_YJ: '条例第38条',
      CF_CFLB: '罚款',
      CF_NR: '罚款2541元',
      CF_NR_FK: '0.2541',
      CF_NR_WFFF: '',
      CF_JDRQ: '2026-03-10',
      CF_YXQ: '2099-12-31',
      CF_GSJZQ: '2027-03-10',
      CF_CFJG: '天津市医疗保障局',
      CF_CFJGDM: '11120000MB1234567X',
      CF_SJLY: '天津市医疗保障局',
      CF_SJLYDM: '11120000MB1234567X',
      BZ: '',
    });
    expect(record.CF_SY).toContain('涉及金额1270.5元');
  });

  it('publishes severe decisions for 3 years: Art.40, insured fraud, licence revoked, a confirmed police referral', () => {
    expect(exported(event({ type: EventType.PENALTY_ART40 })).record.CF_GSJZQ).toBe('2029-03-10');
    expect(exported(event({ type: EventType.INSURED_FRAUD }), person).record.CF_GSJZQ).toBe('2029-03-10');
    const referred = exported(event(), hospital, { policeReferralDecisionNos: new Set(['津医保罚〔2026〕12号']) });
    expect(referred.severe).toBe(true);
    expect(referred.record.CF_GSJZQ).toBe('2029-03-10');
    expect(exported(event({ decidedOn: '2024-02-29' })).record.CF_GSJZQ).toBe('2025-02-28');
  });

  it('joins several categories with ";" and gives the end of a suspension as CF_YXQ', () => {
    const { record } = exported(event({ suspensionDays: 180 }));
    expect(record.CF_CFLB).toBe('罚款;其他-暂停涉及医疗保障基金使用的医药服务');
    expect(record.CF_NR).toBe('罚款2541元，暂停涉及医疗保障基金使用的医药服务180日');
    expect(record.CF_YXQ).toBe('2026-09-05');
  });

  it('names the licence on a revocation', () => {
    const { record } = exported(event({ type: EventType.LICENCE_REVOKED, fineFen: null }), { ...person, type: SubjectType.PRACTITIONER });
    expect(record.CF_CFLB).toBe('暂扣或者吊销许可证');
    expect(record.CF_NR_ZKDX).toBe('执业证书');
    expect(record.CF_NR_FK).toBe('');
  });

  it('shows a person as surname + 某 with the masked ID, never the name or number', () => {
    const { record } = exported(event({ type: EventType.INSURED_FRAUD }), person);
    expect(record.CF_XDR_MC).toBe('张某');
    expect(record.CF_XDR_LB).toBe('自然人');
    expect(record.CF_XDR_SHXYM).toBe('');
    expect(record.CF_XDR_ZJLX).toBe('身份证');
    expect(record.CF_XDR_ZJHM).toBe('120101********1234');
    expect(JSON.stringify(record)).not.toContain('三丰');
  });

  it('leaves the authority code empty for an authority the configuration does not know', () => {
    expect(exported(event({ authority: '某市医疗保障局' })).record.CF_CFJGDM).toBe('');
  });

  it('computes the fine in 万元 exactly for amounts beyond 2^53 fen', () => {
    expect(exported(event({ fineFen: '9007199254740993' })).record.CF_NR_FK).toBe('9007199254.740993');
  });
});

describe('withdrawals, expiry, formats', () => {
  it('a withdrawal keeps the record and says why in BZ', () => {
    const { record } = exported(event());
    expect(withdrawnRecord(record, ExportWithdrawalReason.REVOKED)).toEqual({ ...record, BZ: '撤回：处罚决定已撤销' });
    expect(withdrawnRecord(record, ExportWithdrawalReason.REPAIRED).BZ).toBe('撤回：信用修复');
    expect(withdrawnRecord(record, ExportWithdrawalReason.EXPIRED).BZ).toBe('撤回：公示期满');
  });

  it('the publication period ends the day after CF_GSJZQ', () => {
    const { record } = exported(event());
    expect(publicationEnded(record, '2027-03-10')).toBe(false);
    expect(publicationEnded(record, '2027-03-11')).toBe(true);
  });

  it('formats dates as YYYY/MM/DD on request, leaving other fields alone', () => {
    const { record } = exported(event());
    const slashed = formatExportDates(record, 'YYYY/MM/DD');
    expect([slashed.CF_JDRQ, slashed.CF_YXQ, slashed.CF_GSJZQ]).toEqual(['2026/03/10', '2099/12/31', '2027/03/10']);
    expect(slashed.CF_WSH).toBe(record.CF_WSH);
    expect(formatExportDates(record, 'YYYY-MM-DD')).toBe(record);
  });

  it('exportRow gives the values in field order', () => {
    const { record } = exported(event());
    expect(exportRow(record)[0]).toBe('天津某某医院');
    expect(exportRow(record)).toHaveLength(PENALTY_EXPORT_FIELDS.length);
  });
});

describe('a fine given only as a multiple of the loss (Art.38/40 decisions often are recorded so)', () => {
  it('is exported with the amount computed exactly from the amount involved', () => {
    const r = exported(event({ type: EventType.PENALTY_ART40, fineFen: null, fineMultiple: '3.000', amountInvolvedFen: 1_000_000 })).record;
    expect(r.CF_NR_FK).toBe('3'); // 3,000,000 fen = 30,000 yuan = 3 万元
    expect(r.CF_NR).toBe('罚款30000元');
    expect(r.CF_CFLB).toContain('罚款');
  });

  it('is exported, never taken for a warning, even when the amount involved is unknown; fraud is never minor', () => {
    const art38 = penaltyExportRecord(event({ fineFen: null, fineMultiple: '1.5', amountInvolvedFen: null }), hospital, settings, noCase);
    expect(art38.exported).toBe(true);
    const tinyFraud = penaltyExportRecord(event({ type: EventType.PENALTY_ART40, fineFen: 100 }), hospital, settings, { ...noCase });
    expect(tinyFraud.exported).toBe(true);
    const result = penaltyExportRecord(event({ type: EventType.PENALTY_ART40, fineFen: null, fineMultiple: '2.5', amountInvolvedFen: null }), hospital, settings, noCase);
    expect(result.exported).toBe(true);
    const r = exported(event({ type: EventType.PENALTY_ART40, fineFen: null, fineMultiple: '2.5', amountInvolvedFen: null })).record;
    expect(r.CF_NR).toBe('罚款（涉案金额的2.5倍）');
    expect(r.CF_NR_FK).toBe('');
  });
});
