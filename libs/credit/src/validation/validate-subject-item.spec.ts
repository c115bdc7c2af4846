import { SubjectType } from '../model';
import { validateSubjectItem } from './validate-subject-item';
import { VALIDATION_REASONS } from './validation-issue';

const today = '2026-03-01';
const CREDIT_CODE = '12100000400000624D';
const RESIDENT_ID = '11010519491231002X';

type Item = Record<string, unknown>;
const hospital = (extra: Item = {}): Item => ({ type: 'MEDICAL_INSTITUTION', name: '北京协和医院', creditCode: CREDIT_CODE, ...extra });
const pharmacy = (extra: Item = {}): Item => ({ type: 'PHARMACY', name: '某某大药房', creditCode: '914403001922038216', ...extra });
const doctor = (extra: Item = {}): Item => ({ type: 'PRACTITIONER', name: '张三', residentId: RESIDENT_ID, profession: 'PHYSICIAN', ...extra });
const insured = (extra: Item = {}): Item => ({ type: 'INSURED_PERSON', name: '李四', residentId: RESIDENT_ID, ...extra });

describe('validateSubjectItem accepts', () => {
  it.each([
    ['a hospital', hospital()],
    ['a hospital with region and agreement date', hospital({ regionCode: '110101', agreementSignedOn: '2020-06-01' })],
    ['an agreement signed today', hospital({ agreementSignedOn: today })],
    ['a pharmacy', pharmacy()],
    ['a hospital with a category', hospital({ category: '三级甲等综合医院' })],
    ['a practitioner', doctor()],
    ['a practitioner with an employer', doctor({ institutionCreditCode: CREDIT_CODE, regionCode: '110105' })],
    ['every profession', doctor({ profession: 'BILLING_STAFF' })],
    ['an insured person', insured()],
    ['a lower-case x in the resident ID', insured({ residentId: '11010519491231002x' })],
    ['a name of 200 characters', hospital({ name: '院'.repeat(200) })],
    ['a practitioner with an employment start', doctor({ institutionCreditCode: CREDIT_CODE, employedFrom: '2024-09-01' })],
    ['empty optional cells', doctor({ regionCode: '', institutionCreditCode: null, creditCode: '' })],
  ])('%s', (_, item) => {
    expect(validateSubjectItem(item, today)).toBeNull();
  });
});

const invalid: Array<[string, unknown, string, string]> = [
  ['not an object', 'PHARMACY', 'item', 'INVALID_VALUE'],
  ['null', null, 'item', 'INVALID_VALUE'],
  ['type missing', { name: 'x', creditCode: CREDIT_CODE }, 'type', 'MISSING_FIELD'],
  ['type unknown', hospital({ type: 'HOSPITAL' }), 'type', 'UNKNOWN_SUBJECT_TYPE'],
  ['type not a string', hospital({ type: 1 }), 'type', 'UNKNOWN_SUBJECT_TYPE'],
  ['name missing', hospital({ name: undefined }), 'name', 'MISSING_FIELD'],
  ['name blank', hospital({ name: '  ' }), 'name', 'MISSING_FIELD'],
  ['name of 201 characters', hospital({ name: '院'.repeat(201) }), 'name', 'INVALID_VALUE'],
  ['name with a newline', doctor({ name: '张\n三' }), 'name', 'INVALID_VALUE'],
  ['a resident ID inside the name', insured({ name: `李四 ${RESIDENT_ID}` }), 'name', 'INVALID_VALUE'],
  ['name not a string', doctor({ name: ['张三'] }), 'name', 'INVALID_VALUE'],
  ['hospital without credit code', hospital({ creditCode: undefined }), 'creditCode', 'MISSING_FIELD'],
  ['pharmacy with a bad check character', pharmacy({ creditCode: '914403001922038217' }), 'creditCode', 'INVALID_CREDIT_CODE'],
  ['pharmacy with a short code', pharmacy({ creditCode: '91440300192203821' }), 'creditCode', 'INVALID_CREDIT_CODE'],
  ['pharmacy with a Z in the code', pharmacy({ creditCode: '9144030019220Z8216' }), 'creditCode', 'INVALID_CREDIT_CODE'],
  ['hospital with a resident ID', hospital({ residentId: RESIDENT_ID }), 'residentId', 'SUBJECT_TYPE_MISMATCH'],
  ['practitioner with a credit code', doctor({ creditCode: CREDIT_CODE }), 'creditCode', 'SUBJECT_TYPE_MISMATCH'],
  ['insured person with a credit code', insured({ creditCode: CREDIT_CODE }), 'creditCode', 'SUBJECT_TYPE_MISMATCH'],
  ['practitioner without resident ID', doctor({ residentId: undefined }), 'residentId', 'MISSING_FIELD'],
  ['insured person without resident ID', insured({ residentId: '' }), 'residentId', 'MISSING_FIELD'],
  ['resident ID with a wrong check digit', insured({ residentId: '110105194912310021' }), 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID born in the future', insured({ residentId: '110105202603020020' }), 'residentId', 'INVALID_RESIDENT_ID'],
  ['resident ID as a number', insured({ residentId: 110105194912310020 }), 'residentId', 'INVALID_RESIDENT_ID'],
  ['practitioner without profession', doctor({ profession: undefined }), 'profession', 'MISSING_FIELD'],
  ['practitioner with an unknown profession', doctor({ profession: 'SURGEON' }), 'profession', 'INVALID_VALUE'],
  ['insured person with a profession', insured({ profession: 'NURSE' }), 'profession', 'INVALID_VALUE'],
  ['hospital with a profession', hospital({ profession: 'NURSE' }), 'profession', 'INVALID_VALUE'],
  ['regionCode of 7 digits', hospital({ regionCode: '1101010' }), 'regionCode', 'INVALID_VALUE'],
  ['regionCode starting with 0', doctor({ regionCode: '010101' }), 'regionCode', 'INVALID_VALUE'],
  ['agreement signed in the future', hospital({ agreementSignedOn: '2026-03-02' }), 'agreementSignedOn', 'INVALID_DATE'],
  ['agreement signed on 31 April', hospital({ agreementSignedOn: '2025-04-31' }), 'agreementSignedOn', 'INVALID_DATE'],
  ['agreement date in another format', pharmacy({ agreementSignedOn: '2025.04.01' }), 'agreementSignedOn', 'INVALID_DATE'],
  ['agreement date on a person', doctor({ agreementSignedOn: '2025-04-01' }), 'agreementSignedOn', 'INVALID_VALUE'],
  ['employer with a bad code', doctor({ institutionCreditCode: '12100000400000624E' }), 'institutionCreditCode', 'INVALID_CREDIT_CODE'],
  ['employer on an insured person', insured({ institutionCreditCode: CREDIT_CODE }), 'institutionCreditCode', 'INVALID_VALUE'],
  ['employer on a hospital', hospital({ institutionCreditCode: CREDIT_CODE }), 'institutionCreditCode', 'INVALID_VALUE'],
  ['a category on a person', doctor({ category: '三级甲等综合医院' }), 'category', 'INVALID_VALUE'],
  ['a category of 65 characters', hospital({ category: '院'.repeat(65) }), 'category', 'INVALID_VALUE'],
  ['a resident ID inside the category', pharmacy({ category: `药店 ${RESIDENT_ID}` }), 'category', 'INVALID_VALUE'],
  ['employment start without employer', doctor({ employedFrom: '2024-09-01' }), 'employedFrom', 'INVALID_VALUE'],
  ['employment start in the future', doctor({ institutionCreditCode: CREDIT_CODE, employedFrom: '2026-03-02' }), 'employedFrom', 'INVALID_DATE'],
  ['employment start on an insured person', insured({ employedFrom: '2024-09-01' }), 'employedFrom', 'INVALID_VALUE'],
];

describe('validateSubjectItem rejects', () => {
  it.each(invalid)('%s', (_, item, field, reason) => {
    expect(validateSubjectItem(item, today)).toEqual({ field, reason, message: expect.stringMatching(new RegExp(`^${field}: \\S`)) });
  });

  it('uses only the published reason codes', () => {
    for (const [, item] of invalid) expect(VALIDATION_REASONS).toContain(validateSubjectItem(item, today)?.reason);
  });

  it('throws when today is not a date', () => {
    expect(() => validateSubjectItem(hospital(), '01/03/2026')).toThrow(RangeError);
  });
});

describe('validateSubjectItem keeps personal data out of messages', () => {
  const ids = [RESIDENT_ID, '110105194912310021', '110105202603020020'];
  const fields = ['type', 'name', 'creditCode', 'residentId', 'regionCode', 'profession', 'institutionCreditCode', 'agreementSignedOn'];

  it.each(fields)('an ID typed into %s is never echoed', (field) => {
    let rejected = 0;
    for (const id of ids) {
      for (const start of [hospital(), doctor(), insured()]) {
        const found = validateSubjectItem({ ...start, [field]: id }, today);
        if (found) {
          rejected++;
          expect(found.message).not.toContain(id);
          expect(found.message).not.toMatch(/[0-9]{17}[0-9Xx]/);
        }
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it.each(Object.values(SubjectType))('a %s with a personal name in an oversized field does not echo it', (type) => {
    const found = validateSubjectItem({ type, name: `张三${'x'.repeat(300)}` }, today);
    expect(found).toMatchObject({ field: 'name', reason: 'INVALID_VALUE' });
    expect(found?.message).not.toContain('张三');
  });
});
