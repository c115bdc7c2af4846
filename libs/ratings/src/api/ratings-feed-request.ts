import { DomainError } from '@app/common';
import { RatingKeys } from '../ratings/ratings.reader';

/** The body of POST /feeds/ratings: the GraphQL `ratings` arguments as JSON, and whether to add the explanation. */
export interface RatingsFeedRequest {
  keys: RatingKeys;
  explanation: boolean;
}

const FIELDS = new Set(['subjectIds', 'creditCodes', 'asOf', 'knownAt', 'explanation']);
/** RFC 3339 date-time with an offset (what GraphQL's DateTime carries), e.g. 2026-07-01T00:00:00Z. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Checks the JSON types the GraphQL schema would have checked (lists of strings, a date string, a date-time, a
 * boolean) and refuses unknown fields, so a misspelt `asof` cannot silently mean "today". Everything else
 * (one key list, at most 10,000 keys, each well-formed, no future dates) is the reader's validation, shared
 * with the GraphQL query. Errors name the field, and the index of a bad key; they never echo a value.
 */
export function ratingsFeedRequest(body: unknown): RatingsFeedRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.badInput('the body must be a JSON object such as {"creditCodes": [...]}', { field: 'body', reason: 'INVALID_VALUE' });
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((k) => !FIELDS.has(k));
  if (unknown !== undefined) {
    throw DomainError.badInput(`unknown field; expected one of ${[...FIELDS].join(', ')}`, { field: unknown.slice(0, 40), reason: 'UNKNOWN_FIELD' });
  }
  return {
    keys: {
      subjectIds: stringList(input.subjectIds, 'subjectIds', 'INVALID_ID'),
      creditCodes: stringList(input.creditCodes, 'creditCodes', 'INVALID_CREDIT_CODE'),
      asOf: optional(input.asOf, 'asOf', (v) => typeof v === 'string', 'a calendar date such as 2026-06-30') as string | undefined,
      knownAt: knownAtOf(input.knownAt),
    },
    explanation: optional(input.explanation, 'explanation', (v) => typeof v === 'boolean', 'true or false') === true,
  };
}

function stringList(value: unknown, field: string, itemReason: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw DomainError.badInput(`${field} must be a list of strings`, { field, reason: 'INVALID_VALUE' });
  const bad = value.findIndex((v) => typeof v !== 'string');
  if (bad >= 0) throw DomainError.badInput(`${field}[${bad}] must be a string`, { field, index: bad, reason: itemReason });
  return value as string[];
}

function optional(value: unknown, field: string, ok: (v: unknown) => boolean, expected: string): unknown {
  if (value === undefined || value === null) return undefined;
  if (!ok(value)) throw DomainError.badInput(`${field} must be ${expected}`, { field, reason: field === 'explanation' ? 'INVALID_VALUE' : 'INVALID_DATE' });
  return value;
}

function knownAtOf(value: unknown): Date | undefined {
  const text = optional(value, 'knownAt', (v) => typeof v === 'string' && DATE_TIME.test(v), 'a date-time with an offset, such as 2026-07-01T00:00:00Z');
  return text === undefined ? undefined : new Date(text as string);
}
