import { ErrorCode } from './error-code';

/** Machine-readable details that travel with an error to the caller (`extensions` in GraphQL). */
export interface ErrorDetails {
  field?: string;
  index?: number;
  reason?: string;
  [key: string]: unknown;
}

/**
 * An expected failure with a stable code (bad input, missing rights, a conflict). Anything else that is
 * thrown is a bug and reaches callers only as INTERNAL. Messages must never contain personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(message: string, details: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
  }
  static notFound(message: string, details: ErrorDetails = {}): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, message, details);
  }
  static conflict(message: string, details: ErrorDetails = {}): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }
  static unauthenticated(message = 'a valid API key is required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
  static forbidden(message = 'this API key may not perform this operation'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
}
