import { loadConfig } from '@app/config';
import { objectionDeadline, repairDecisionDeadline, defaultListRules, SubjectType } from '@app/credit';
import { workingDayCalendar } from './working-days';

const BASE = {
  DB_USER: 'u',
  DB_PASSWORD: 'p',
  DB_NAME: 'd',
  PII_ENCRYPTION_KEY: '00'.repeat(32),
  PII_HMAC_KEY: '11'.repeat(32),
};
const rules = defaultListRules(SubjectType.MEDICAL_INSTITUTION);

describe('the configured working-day calendar of legal deadlines', () => {
  it('skips the configured public holidays and counts the make-up working days (National Day 2025)', () => {
    const config = loadConfig(
      {
        ...BASE,
        PUBLIC_HOLIDAYS: '2025-10-01,2025-10-02,2025-10-03,2025-10-04,2025-10-05,2025-10-06,2025-10-07,2025-10-08',
        MAKEUP_WORKING_DAYS: '2025-09-28, 2025-10-11',
      },
      [],
    );
    const calendar = workingDayCalendar(config);
    // Notified Friday 26 September: Sun 28 (make-up), Mon 29, Tue 30, then the holiday week, Thu 9, Fri 10,
    // Sat 11 (make-up), Mon 13, Tue 14, Wed 15, Thu 16: the tenth.
    expect(objectionDeadline(calendar, '2025-09-26', rules)).toBe('2025-10-16');
    // Without the arrangement only weekends are skipped.
    expect(objectionDeadline(workingDayCalendar(loadConfig(BASE, [])), '2025-09-26', rules)).toBe('2025-10-10');
    expect(repairDecisionDeadline(calendar, '2025-09-26', rules)).toBe('2025-10-23');
  });

  it('refuses a malformed holiday list at boot, naming the variable', () => {
    expect(() => loadConfig({ ...BASE, PUBLIC_HOLIDAYS: '2025-10-01,next tuesday' }, [])).toThrow(/PUBLIC_HOLIDAYS/);
  });
});
