import { ApiKeysService } from '@app/auth';
import { ErrorCode } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import { refuse } from '../request-guards';
import { bucketOf } from './caller-bucket';
import { rateLimitHeaders } from './rate-limit-headers';
import { RateLimiterService } from './rate-limiter.service';

/**
 * In front of the body parser: a caller whose budget this process has already seen spent for the current
 * window is refused with 429 RATE_LIMITED before its body is read, parsed or validated. A flood of invalid
 * documents or of oversized bodies then costs a header check, not a parse each (the GraphQL plugins charge
 * only what reaches them). The body is left unread, so the connection is closed after the answer.
 */
export function exhaustedGate(limiter: RateLimiterService, keys: ApiKeysService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    bucketOf(req, keys)
      .then((bucket) => {
        const decision = limiter.knownExhausted(bucket);
        if (!decision) return next();
        for (const [name, value] of rateLimitHeaders(decision)) res.setHeader(name, value);
        res.setHeader('connection', 'close');
        refuse(req, res, 429, ErrorCode.RATE_LIMITED, 'RATE_LIMITED', `rate limit exceeded: the ${decision.limit} points of this minute are spent; retry after ${decision.retryAfterSeconds} s`);
      })
      .catch(next);
  };
}
