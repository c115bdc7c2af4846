import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@app/common';
import { maskResidentIdsIn } from '@app/credit';
import { duplicateKeyConflict, isDuplicateKey } from '@app/database';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { variableErrorDetails } from './variable-error';

/** Apollo's own request-level codes: all are the caller's mistake. */
const CALLER_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.RATE_LIMITED,
};
const logger = new Logger('GraphQL');

/**
 * Maps every error to one of api-contract.md's codes. Expected failures keep their message and details;
 * anything else is a bug and becomes INTERNAL, with the message only in development and never a stack or
 * SQL. Resident-ID-shaped strings are masked in every message (GraphQL echoes bad variable values).
 */
export function formatError(verbose: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // A duplicate key that escaped every retry collides with stored data: CONFLICT, not a server fault.
    const path = formatted.path;
    if (isDuplicateKey(unwrapped)) logger.warn({ path }, 'a duplicate key outside any retry reached the caller as CONFLICT');
    const original = isDuplicateKey(unwrapped) ? duplicateKeyConflict() : unwrapped;
    if (original instanceof DomainError) {
      return { message: maskResidentIdsIn(original.message), path, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_TO_CODE[original.getStatus()] ?? ErrorCode.INTERNAL;
      if (code !== ErrorCode.INTERNAL) return { message: maskResidentIdsIn(original.message), path, extensions: { code } };
    }
    // Our limits report QUERY_TOO_COMPLEX or RATE_LIMITED; Apollo relabels validation-rule errors, so read the original.
    const own = ownExtensions(original);
    if (own && LIMIT_CODES.has(own.code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: stripStack(own) };
    }
    const apolloCode = String(formatted.extensions?.code ?? '');
    // parseOptions.maxTokens stopped the parser: a document too large to run, refused like the other limits.
    if (apolloCode === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
      return { message: 'the query is too large to run: it has too many tokens', extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, reason: 'MAX_TOKENS' } };
    }
    const variable = error instanceof GraphQLError ? variableErrorDetails(error) : null;
    if (variable && CALLER_ERRORS.has(apolloCode)) {
      const { message, ...details } = variable;
      return { message: maskResidentIdsIn(message), locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } };
    }
    if (CALLER_ERRORS.has(apolloCode)) {
      return {
        message: maskResidentIdsIn(formatted.message),
        locations: formatted.locations,
        path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: apolloCode },
      };
    }
    logger.error({ err: original, path, apolloCode }, 'unexpected error in a GraphQL operation');
    return { message: verbose ? maskResidentIdsIn(formatted.message) : 'internal error', path, extensions: { code: ErrorCode.INTERNAL } };
  };
}

/** Our own refusals, thrown by validation rules and plugins as GraphQLErrors with these codes. */
const LIMIT_CODES = new Set<unknown>([ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.RATE_LIMITED]);

/** Keeps our details; drops the stack and Apollo's `http` (status and headers, already applied to the response). */
function stripStack(ext: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _drop, http: _http, ...rest } = ext ?? {};
  return rest;
}

/** Extensions set by our own code, also when Apollo wrapped the error (validation rules). */
function ownExtensions(error: unknown): Record<string, unknown> | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  if (LIMIT_CODES.has(error.extensions?.code)) return error.extensions;
  return error.originalError instanceof GraphQLError ? error.originalError.extensions : undefined;
}
