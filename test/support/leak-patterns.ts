/**
 * What must never reach a caller: stack frames and SQL (api-contract.md: "no stack trace or SQL outside
 * development mode"). Matched on raw response bytes, so JSON-escaped text is covered too. SQL keywords are
 * matched in upper case only, as drivers and ORMs write them; Chinese and English prose does not.
 */
const PATTERNS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\]]+ \((?:[^()\s]*[\\/])?[^()\s]+:\d+:\d+\)/],
  ['stack frame', /\bat (?:[^()\s]*[\\/])[^()\s]+\.(?:[cm]?js|ts):\d+:\d+/],
  ['node internals', /node:internal[\\/]/],
  ['module path', /node_modules[\\/]/],
  ['stacktrace field', /"stacktrace"\s*:/],
  ['SQL statement', /\b(?:SELECT\b[^"\n]{0,300}?\bFROM|INSERT\s+INTO|UPDATE\s+`?\w+`?\s+SET|DELETE\s+FROM)\b/],
  ['SQL error', /\bER_[A-Z_]{3,}\b|\bsqlMessage\b|\bsqlState\b|QueryFailedError|error in your SQL syntax|Unknown column '|Table '[^']+' doesn't exist/],
];

/** The names of the leak patterns a response body matches (empty: clean). */
export function leaksIn(body: string): string[] {
  return PATTERNS.filter(([, re]) => re.test(body)).map(([name]) => name);
}
