import { ApiKeysService } from '@app/auth';
import { ErrorCode } from '@app/common';
import type { NextFunction, Request, Response } from 'express';
import { refuse } from '../request-guards';
import { bucketOf } from './caller-bucket';
import { rateLimitedMessage, rateLimitHeaders } from './rate-limit-headers';
import { RateLimiterService } from './rate-limiter.service';
import { RestCosts, restCost } from './rest-cost';

/** Express middleware for the REST feeds and public pages: charges the route's cost, or answers 429 RATE_LIMITED. */
export function restRateLimit(limiter: RateLimiterService, keys: ApiKeysService, costs: RestCosts) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.baseUrl + req.path;
    const cost = restCost(req.method, path, req.query as Record<string, unknown>, costs);
    bucketOf(req, keys)
      .then((bucket) => limiter.consume(bucket, cost))
      .then((decision) => {
        if (!decision) return next();
        for (const [name, value] of rateLimitHeaders(decision)) res.setHeader(name, value);
        if (decision.allowed) return next();
        refuse(req, res, 429, ErrorCode.RATE_LIMITED, 'RATE_LIMITED', rateLimitedMessage(cost, decision));
      })
      .catch(next);
  };
}
