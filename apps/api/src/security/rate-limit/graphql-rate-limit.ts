import { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { ApiKeysService } from '@app/auth';
import { ErrorCode } from '@app/common';
import { GraphQLError } from 'graphql';
import { GraphqlContext } from '../../graphql/graphql-context';
import { bucketOf } from './caller-bucket';
import { rateLimitedMessage, rateLimitHeaders } from './rate-limit-headers';
import { RateLimiterService } from './rate-limiter.service';

/** Requests whose operation was charged by its cost (the rest are charged a flat cost if refused: see below). */
const charged = new WeakSet<object>();

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
    charged.add(req);
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

/**
 * A request refused before its cost was charged (unparsable, invalid, too deep, too complex) still cost us
 * parsing and validation: it is charged `flatCost` points afterwards, so a flood of such requests uses up the
 * caller's budget and the next well-formed request is refused with RATE_LIMITED. (The refused request itself
 * keeps its own error.)
 */
export function graphqlRefusalCharge(limiter: RateLimiterService, keys: ApiKeysService, flatCost: number): ApolloServerPlugin | undefined {
  if (!limiter.enabled) return undefined;
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didEncounterErrors(request) {
          const { req } = request.contextValue as unknown as GraphqlContext;
          if (!req || charged.has(req)) return;
          charged.add(req);
          await limiter.consume(await bucketOf(req, keys), flatCost);
        },
      };
    },
  };
}
