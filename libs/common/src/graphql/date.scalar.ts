import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  // The value is not echoed: it may be personal data typed into the wrong field.
  throw new GraphQLError('must be a calendar date written YYYY-MM-DD', { extensions: { reason: 'INVALID_DATE' } });
}

/**
 * A calendar date in Asia/Shanghai as 'YYYY-MM-DD' (domain.md §8): a string end to end, never a JS Date,
 * so no time zone can move it.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date (Asia/Shanghai), written YYYY-MM-DD.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
