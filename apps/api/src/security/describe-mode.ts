import { AppConfig } from '@app/config';

/** One startup line saying which mode the API runs in and what that turns on, so no one guesses. */
export function describeMode(config: AppConfig, baseUrl: string): string {
  const g = config.graphql;
  const r = config.rateLimits;
  const parts = [
    `mode: NODE_ENV=${config.env}`,
    `introspection ${g.introspection ? 'on' : 'off'}`,
    g.ide ? `GraphQL IDE at ${baseUrl}/graphql (open it in a browser)` : 'GraphQL IDE off',
    `internal error details ${g.verboseErrors ? 'ON (ERROR_DETAILS=true: development only)' : 'off'}`,
    r.enabled ? `rate limits on (points per minute: ${Object.entries(r.perMinute).map(([k, v]) => `${k} ${v}`).join(', ')})` : 'rate limits OFF',
    `CORS ${config.httpLimits.corsOrigins.length > 0 ? `for ${config.httpLimits.corsOrigins.join(' ')}` : 'closed'}`,
  ];
  return parts.join('; ');
}
