import { EventStatus } from '../model';
import { normalizeEventItem, RecordEventItem } from './record-event-item';
import { normalizeSubjectItem } from './register-subject-item';
import { validateEventItem } from './validate-event-item';
import { validateSubjectItem } from './validate-subject-item';

const today = '2026-03-01';

describe('normalizeEventItem', () => {
  const raw: RecordEventItem = {
    sourceSystem: ' TJ-CASE ',
    sourceRef: 'R-0001\u3000',
    residentId: '11010519491231002x',
    type: 'INTERVIEW',
    responsibility: 'MAIN',
    legalBasis: '',
    decisionNo: ' 津医保罚〔2024〕12号 ',
    occurredOn: '2026-01-05',
    decidedOn: '2026-01-20',
    fineFen: -0,
  };

  it('is applied to an item the validator accepted', () => {
    expect(validateEventItem(raw, { today })).toBeNull();
  });

  it.each([
    ['sourceSystem', 'TJ-CASE'],
    ['sourceRef', 'R-0001'], // ideographic space trimmed too
    ['residentId', '11010519491231002X'],
    ['subjectId', null],
    ['creditCode', null],
    ['status', EventStatus.FINAL],
    ['legalBasis', null],
    ['decisionNo', '津医保罚〔2024〕12号'],
    ['selfReported', false],
    ['inspectionKind', null],
    ['amountInvolvedFen', null],
    ['responsibility', 'MAIN'],
  ])('%s becomes %p', (field, expected) => {
    expect(normalizeEventItem(raw)[field as keyof RecordEventItem]).toBe(expected);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(normalizeEventItem(raw).fineFen, 0)).toBe(true);
  });

  it('keeps an explicit status and flags', () => {
    const n = normalizeEventItem({ ...raw, status: 'UNDER_APPEAL', selfReported: true, fineMultiple: 1.5 });
    expect(n).toMatchObject({ status: 'UNDER_APPEAL', selfReported: true, fineMultiple: 1.5 });
  });
});

describe('normalizeSubjectItem', () => {
  it('trims, upper-cases the ID and nulls absent values', () => {
    const raw = { type: 'PRACTITIONER', name: ' 张三 ', residentId: '11010519491231002x', profession: 'NURSE', regionCode: '' };
    expect(validateSubjectItem(raw, today)).toBeNull();
    expect(normalizeSubjectItem(raw)).toEqual({
      type: 'PRACTITIONER',
      name: '张三',
      creditCode: null,
      residentId: '11010519491231002X',
      regionCode: null,
      profession: 'NURSE',
      institutionCreditCode: null,
      agreementSignedOn: null,
      category: null,
      employedFrom: null,
    });
  });
});
