import { GraphQLRequestContextDidResolveOperation, HeaderMap } from '@apollo/server';
import { ApiKeysService } from '@app/auth';
import { ErrorCode } from '@app/common';
import { GraphQLError } from 'graphql';
import { GraphqlContext } from '../../graphql/graphql-context';
import { bucketOf } from './caller-bucket';
import { rateLimitedMessage, rateLimitHeaders } from './rate-limit-headers';
import { RateLimiterService } from './rate-limiter.service';

export type CostHook = (cost: number, request: GraphQLRequestContextDidResolveOperation<Record<string, unknown>>) => Promise<void>;

/**
 * Charges an operation's complexity estimate (the same number the cost limit checks, so 50 aliases cost 50
 * times one) to the caller's budget once the operation is resolved and measured, before any resolver runs.
 * Over budget: RATE_LIMITED with HTTP 429 and Retry-After.
 */
export function graphqlRateLimit(limiter: RateLimiterService, keys: ApiKeysService): CostHook | undefined {
  if (!limiter.enabled) return undefined;
  return async (cost, request) => {
    const { req } = request.contextValue as unknown as GraphqlContext;
    const decision = await limiter.consume(await bucketOf(req, keys), cost);
    if (!decision) return;
    const headers = rateLimitHeaders(decision);
    if (decision.allowed) {
      for (const [name, value] of headers) request.response.http.headers.set(name, value);
      return;
    }
    throw new GraphQLError(rateLimitedMessage(cost, decision), {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfter: decision.retryAfterSeconds,
        cost,
        limit: decision.limit,
        http: { status: 429, headers: new HeaderMap(headers) },
      },
    });
  };
}
