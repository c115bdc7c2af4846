/**
 * Collects the problems of a rule set read from JSON (the database, an operator's upload), each as
 * "path: what is wrong", so that every problem is reported at once and a bad rule set is refused before it is
 * stored. Each check returns whether the value passed, so callers only compare values that exist.
 */
export class RuleSetChecker {
  readonly problems: string[] = [];

  report(path: string, problem: string): false {
    this.problems.push(`${path}: ${problem}`);
    return false;
  }

  object(path: string, value: unknown): value is Record<string, unknown> {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true;
    return this.report(path, value === undefined ? 'is missing' : 'must be an object');
  }

  array(path: string, value: unknown, minLength = 0): value is unknown[] {
    if (!Array.isArray(value)) return this.report(path, value === undefined ? 'is missing' : 'must be an array');
    if (value.length < minLength) return this.report(path, `must have at least ${minLength} item(s)`);
    return true;
  }

  /** A whole number within [min, max]: points, months and fen are integers in every rule. */
  integer(path: string, value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): value is number {
    if (value === undefined) return this.report(path, 'is missing');
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return this.report(path, 'must be a whole number');
    if (value < min) return this.report(path, `must be at least ${min}`);
    if (value > max) return this.report(path, `must be at most ${max}`);
    return true;
  }

  /** A finite number within [min, max] (weights and factors such as 1.2). */
  number(path: string, value: unknown, min = -Infinity, max = Infinity): value is number {
    if (value === undefined) return this.report(path, 'is missing');
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.report(path, 'must be a number');
    if (value < min) return this.report(path, `must be at least ${min}`);
    if (value > max) return this.report(path, `must be at most ${max}`);
    return true;
  }

  boolean(path: string, value: unknown): value is boolean {
    if (typeof value === 'boolean') return true;
    return this.report(path, value === undefined ? 'is missing' : 'must be true or false');
  }

  oneOf<T>(path: string, value: unknown, allowed: readonly T[]): value is T {
    if (allowed.includes(value as T)) return true;
    return this.report(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }

  /** A real calendar date written 'YYYY-MM-DD' (rule sets take effect on a business date, domain.md §8). */
  date(path: string, value: unknown): value is string {
    if (typeof value === 'string' && isCalendarDate(value)) return true;
    return this.report(path, value === undefined ? 'is missing' : "must be a calendar date 'YYYY-MM-DD'");
  }

  /** Each `values[i]` (already checked) must be strictly above (`'desc'`) or below (`'asc'`) the one before. */
  strictlyMonotonic(path: string, values: readonly number[], order: 'asc' | 'desc', what: string): boolean {
    for (let i = 1; i < values.length; i++) {
      const ok = order === 'asc' ? values[i] > values[i - 1] : values[i] < values[i - 1];
      if (!ok) return this.report(path, `${what} must be strictly ${order === 'asc' ? 'increasing' : 'decreasing'}`);
    }
    return true;
  }
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}
