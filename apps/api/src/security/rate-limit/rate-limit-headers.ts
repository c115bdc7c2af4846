import { RateDecision } from './rate-limiter.service';

/**
 * The headers a caller paces itself by: RateLimit-Limit/-Remaining/-Reset (the IETF draft's names, in
 * points per minute) on every metered response, and Retry-After (seconds, RFC 9110) on a refusal.
 */
export function rateLimitHeaders(d: RateDecision): [string, string][] {
  const headers: [string, string][] = [
    ['ratelimit-limit', String(d.limit)],
    ['ratelimit-remaining', String(d.remaining)],
    ['ratelimit-reset', String(d.resetSeconds)],
  ];
  if (!d.allowed) headers.push(['retry-after', String(d.retryAfterSeconds)]);
  return headers;
}

export function rateLimitedMessage(cost: number, d: RateDecision): string {
  return `rate limit exceeded: this request costs ${cost} points, ${d.remaining} of ${d.limit} per minute are left; retry after ${d.retryAfterSeconds} s`;
}
