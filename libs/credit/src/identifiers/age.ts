import { addDays, compareDates, IsoDate, parseIsoDate } from '../calendar';

/**
 * Completed years of age on `onDate` (both 'YYYY-MM-DD'). The birthday itself counts as completed; someone
 * born on 29 February completes a year on 1 March in a common year (28 February is still before it).
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (onDate < birthDate) throw new RangeError('onDate is before birthDate');
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * Whether a person is a minor (under 18) on `onDate`, read the way Chinese courts read 周岁: a person is
 * 18 only from the day after the 18th birthday (最高人民法院 法释〔2006〕1号 Art.2). It decides that a case is
 * never published (domain.md section 7), so on the birthday itself the person still counts as a minor —
 * the side on which an error harms nobody.
 */
export function isMinorOn(birthDate: IsoDate, onDate: IsoDate): boolean {
  if (compareDates(onDate, birthDate) < 0) return true;
  const age = ageOn(birthDate, onDate);
  // The first day of 18 by the ordinary count is the 18th birthday (1 March for a 29 February birth).
  return age < 18 || (age === 18 && ageOn(birthDate, addDays(onDate, -1)) < 18);
}
