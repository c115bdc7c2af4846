import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/error-code';

/** body-parser's error types for a request body it could not read (https://github.com/expressjs/body-parser#errors). */
const TOO_LARGE = 'entity.too.large';

/**
 * An Express error handler for the GraphQL path: a body that body-parser refused (malformed JSON, too large,
 * unsupported charset or encoding) is answered in the GraphQL error shape with `extensions.code`, like
 * Apollo's own bad requests, instead of Nest's `{ statusCode, message, error }`. The parser's message is not
 * echoed: it quotes the body, which may hold a resident ID.
 */
export function graphqlRequestBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: unknown; status?: unknown; expose?: unknown };
  const status = typeof e?.status === 'number' ? e.status : 0;
  if (typeof e?.type !== 'string' || status < 400 || status >= 500 || res.headersSent) return next(err);
  const tooLarge = e.type === TOO_LARGE;
  const message = tooLarge
    ? 'the request body is too large'
    : e.type === 'entity.parse.failed'
      ? 'the request body is not valid JSON'
      : 'the request body could not be read';
  res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
}
