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
  const refused = refusedBody(err, res);
  if (!refused) return next(err);
  res.status(refused.status).json({ errors: [{ message: refused.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: refused.reason } }] });
}

/** The same for a REST route that takes a JSON body: the REST error shape `{ code, reason, message }` (HttpErrorFilter's). */
export function restRequestBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const refused = refusedBody(err, res);
  if (!refused) return next(err);
  res.status(refused.status).json({ code: ErrorCode.BAD_USER_INPUT, reason: refused.reason, message: refused.message });
}

function refusedBody(err: unknown, res: Response): { status: number; message: string; reason: string } | null {
  const e = err as { type?: unknown; status?: unknown; expose?: unknown };
  const status = typeof e?.status === 'number' ? e.status : 0;
  if (typeof e?.type !== 'string' || status < 400 || status >= 500 || res.headersSent) return null;
  const tooLarge = e.type === TOO_LARGE;
  const message = tooLarge
    ? 'the request body is too large'
    : e.type === 'entity.parse.failed'
      ? 'the request body is not valid JSON'
      : 'the request body could not be read';
  return { status, message, reason: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' };
}
