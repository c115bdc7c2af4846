import { GraphQLError } from 'graphql';

export interface VariableErrorDetails {
  message: string;
  field: string;
  index?: number;
  reason: string;
}

// graphql-js: `Variable "$v" got invalid value <value> at "v[3].field"; <detail>` (the path is optional).
const INVALID = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "(\w+(?:\[\d+\]|\.\w+)*)")?; ([\s\S]*)$/;
const NOT_PROVIDED = /^Variable "\$(\w+)" of required type "[^"]+" was not provided\.$/;
const MISSING_FIELD = /^Field "(\w+)" of required type "[^"]+" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "(\w+)" is not defined by type "[^"]+"\./;
const UNKNOWN_ENUM = /^Value [\s\S]* does not exist in "(\w+)" enum\./;
const CANNOT_REPRESENT = /^(\w+) cannot represent ([^:]*)/;

const ENUM_REASONS: Record<string, string> = { EventType: 'UNKNOWN_EVENT_TYPE', SubjectType: 'UNKNOWN_SUBJECT_TYPE' };

/**
 * Turns graphql-js's variable coercion errors into the contract's BAD_USER_INPUT details: which item of a
 * batch (`index`), which `field`, and a `reason`, as our own validation reports them. The submitted value is
 * left out of the message: it may be personal data (a name, a resident ID).
 */
export function variableErrorDetails(error: GraphQLError): VariableErrorDetails | null {
  const notProvided = NOT_PROVIDED.exec(error.message);
  if (notProvided) return { message: `${notProvided[1]}: is required`, field: notProvided[1], reason: 'MISSING_FIELD' };
  const m = INVALID.exec(error.message);
  if (!m) return null;
  const path = m[2] ?? m[1];
  const detail = m[3];
  const indexMatch = /^\w+\[(\d+)\]/.exec(path);
  const missing = MISSING_FIELD.exec(detail) ?? UNKNOWN_FIELD.exec(detail);
  const leaf = missing ? missing[1] : (/(\w+)$/.exec(path)?.[1] ?? path);
  const fullPath = missing ? `${path}.${missing[1]}` : path;
  const reason = reasonFor(detail, leaf, error);
  return {
    message: `${fullPath}: ${describe(detail)}`,
    field: leaf,
    ...(indexMatch ? { index: Number(indexMatch[1]) } : {}),
    reason,
  };
}

function reasonFor(detail: string, leaf: string, error: GraphQLError): string {
  const own = error.originalError instanceof GraphQLError ? error.originalError.extensions?.reason : undefined;
  if (typeof own === 'string') return own;
  if (MISSING_FIELD.test(detail)) return 'MISSING_FIELD';
  const enumMatch = UNKNOWN_ENUM.exec(detail);
  if (enumMatch) return ENUM_REASONS[enumMatch[1]] ?? 'INVALID_VALUE';
  if (leaf.endsWith('Fen')) return 'INVALID_AMOUNT';
  return 'INVALID_VALUE';
}

function describe(detail: string): string {
  const enumMatch = UNKNOWN_ENUM.exec(detail);
  if (enumMatch) return `is not a known ${enumMatch[1]}`;
  const cannot = CANNOT_REPRESENT.exec(detail);
  if (cannot) return `${cannot[1]} cannot represent ${cannot[2].trim()}`;
  if (MISSING_FIELD.test(detail)) return 'is required';
  if (UNKNOWN_FIELD.test(detail)) return 'is not a field of this input';
  // Our own scalars' messages never contain the value.
  return detail.replace(/^Expected type "\w+"\. /, '');
}
