import { WorkingDayCalendar } from '../calendar';
import { SubjectType } from '../model';
import { DEFAULT_RULE_SETS } from '../rules';
import { objectionDeadline, repairDecisionDeadline } from './deadlines';

const rules = DEFAULT_RULE_SETS[SubjectType.MEDICAL_INSTITUTION].lists;

// National Day / Mid-Autumn 2025 (国办发明电〔2024〕12号): 1–8 October off; Sunday 28 September and Saturday
// 11 October are working days. Holiday data is handed in, as the service does from configuration.
const nationalDay2025 = new WorkingDayCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  extraWorkingDays: ['2025-09-28', '2025-10-11'],
});
const weekendsOnly = new WorkingDayCalendar();

describe('objectionDeadline: 10 working days after the notice (domain.md §5, 条例 Art.31)', () => {
  it('across weekends: notified on a Friday, the deadline is the Friday two weeks later', () => {
    expect(objectionDeadline(weekendsOnly, '2026-01-09', rules)).toBe('2026-01-23');
  });

  it('across a public holiday with make-up working days', () => {
    // Fri 26 Sep notice: Sun 28 (make-up), 29, 30, then 9, 10, Sat 11 (make-up), 13, 14, 15, 16 October.
    expect(objectionDeadline(nationalDay2025, '2025-09-26', rules)).toBe('2025-10-16');
    // Without the holiday data the same notice would end on 10 October.
    expect(objectionDeadline(weekendsOnly, '2025-09-26', rules)).toBe('2025-10-10');
  });

  it('the number of working days is data', () => {
    const five = { ...rules, severeDishonesty: { ...rules.severeDishonesty, objectionWorkingDays: 5 } };
    expect(objectionDeadline(nationalDay2025, '2025-09-26', five)).toBe('2025-10-10');
  });
});

describe('repairDecisionDeadline: 15 working days after the application (发改委令第36号)', () => {
  it('across weekends', () => {
    expect(repairDecisionDeadline(weekendsOnly, '2026-01-09', rules)).toBe('2026-01-30');
  });

  it('across a public holiday with make-up working days', () => {
    // The ten days above, then 17, 20, 21, 22, 23 October.
    expect(repairDecisionDeadline(nationalDay2025, '2025-09-26', rules)).toBe('2025-10-23');
    // Applied inside the holiday: counting starts on the next working day, 9 October (9, 10, Sat 11, 13 … 28).
    expect(repairDecisionDeadline(nationalDay2025, '2025-10-03', rules)).toBe('2025-10-28');
  });
});
