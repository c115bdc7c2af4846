import { ErrorCode } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import { jsonShapeProblem } from './json-depth';

/** A refusal in the shape of the path: GraphQL's `errors` array on /graphql, the REST `{ code, message }` elsewhere. */
export function refuse(req: Request, res: Response, status: number, code: ErrorCode, reason: string, message: string): void {
  if (req.originalUrl.startsWith('/graphql')) {
    res.status(status).json({ errors: [{ message, extensions: { code, reason } }] });
  } else {
    res.status(status).json({ code, reason, message });
  }
}

/**
 * Refuses a JSON body nested deeper than `maxDepth`, or with a list longer than `maxArray`, before GraphQL
 * coerces it (recursively, element by element) into variables.
 */
export function jsonShapeLimit(maxDepth: number, maxArray: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = req.body !== null && typeof req.body === 'object' ? jsonShapeProblem(req.body, maxDepth, maxArray) : null;
    if (problem === 'TOO_DEEP') return refuse(req, res, 400, ErrorCode.BAD_USER_INPUT, problem, `the request body nests deeper than ${maxDepth} levels`);
    if (problem === 'LIST_TOO_LONG') return refuse(req, res, 400, ErrorCode.BAD_USER_INPUT, problem, `the request body has a list of more than ${maxArray} items`);
    next();
  };
}

/**
 * A safety net for errors raised by Express-level middleware (the body parser on REST paths, the guards
 * above, anything added later) that no one else answered: Express's own final handler sends the stack trace
 * as HTML outside production. Caller errors keep their status with a fixed message (the parser's own quotes
 * the body); the rest is INTERNAL. (Today Nest answers body-parser errors itself; the sweep in
 * test/security/safe-errors.test.ts checks those paths either way.)
 */
export function safeErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  const e = err as { status?: unknown; type?: unknown };
  const status = typeof e?.status === 'number' ? e.status : 500;
  if (status >= 400 && status < 500) {
    const tooLarge = e.type === 'entity.too.large';
    return refuse(req, res, status, ErrorCode.BAD_USER_INPUT, tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', tooLarge ? 'the request body is too large' : 'the request could not be read');
  }
  refuse(req, res, 500, ErrorCode.INTERNAL, 'INTERNAL', 'internal error');
}
