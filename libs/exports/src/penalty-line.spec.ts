import { PENALTY_EXPORT_FIELDS, PenaltyExportRecord } from '@app/credit';
import { presentLine, recordIdOf } from './penalty-line';

const record = Object.fromEntries(PENALTY_EXPORT_FIELDS.map((f) => [f, ''])) as PenaltyExportRecord;
const person: PenaltyExportRecord = { ...record, CF_XDR_LB: '自然人', CF_XDR_ZJHM: '120101********1234', CF_JDRQ: '2026-03-10', CF_YXQ: '2099-12-31', CF_GSJZQ: '2029-03-10' };

describe('presentLine', () => {
  it('keeps the masked ID and ISO dates by default', () => {
    expect(presentLine('PE000000000001', person, { dateFormat: 'YYYY-MM-DD' })).toEqual({ recordId: 'PE000000000001', ...person });
  });

  it('applies the configured date format and, for the G2G share, the full ID of a person only', () => {
    const line = presentLine('PE000000000001', person, { dateFormat: 'YYYY/MM/DD', fullResidentId: '12010119800101123X' });
    expect(line).toMatchObject({ CF_XDR_ZJHM: '12010119800101123X', CF_JDRQ: '2026/03/10', CF_YXQ: '2099/12/31', CF_GSJZQ: '2029/03/10' });
    const organisation = presentLine('PE000000000002', { ...record, CF_XDR_LB: '法人及非法人组织' }, { dateFormat: 'YYYY-MM-DD', fullResidentId: '12010119800101123X' });
    expect(organisation.CF_XDR_ZJHM).toBe('');
  });
});

describe('recordIdOf', () => {
  it('is fixed width, so text order is numeric order', () => {
    expect(recordIdOf('42')).toBe('PE000000000042');
    expect(recordIdOf('9') < recordIdOf('10')).toBe(true);
  });
});
