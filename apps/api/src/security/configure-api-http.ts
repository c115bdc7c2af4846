import { ApiKeysService } from '@app/auth';
import { configureHttp } from '@app/common/http';
import { AppConfig } from '@app/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { mountGraphqlIde } from './graphql-ide';
import { RateLimiterService } from './rate-limit/rate-limiter.service';
import { exhaustedGate } from './rate-limit/exhausted-gate';
import { restRateLimit } from './rate-limit/rest-rate-limit';
import { jsonShapeLimit, safeErrorHandler } from './request-guards';
import { installDisclosureEdge } from '../public-edge/install-disclosure-edge';

/**
 * The API's HTTP layer, in order: security headers on every response (helmet; its strict default CSP suits
 * JSON, the public page and the IDE set their own), CORS only for configured origins, the body parser with
 * its size limit, nesting and list-length limits on JSON bodies, safe answers to unreadable requests, the GraphQL IDE
 * (development), and rate limits on the REST routes (GraphQL charges its own, by query cost); in front of all of
 * it, on the server's request event, the edge that answers public disclosure cache hits with the same headers. Called by
 * main.ts and the tests before app.init(), so these run before any route.
 */
export function configureApiHttp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  const limits = config.httpLimits;
  const securityHeaders = helmet();
  app.use(securityHeaders);
  if (limits.corsOrigins.length > 0) {
    app.enableCors({
      origin: limits.corsOrigins,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'if-none-match', 'x-request-id'],
      exposedHeaders: ['etag', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-request-id'],
      maxAge: 600,
    });
  }
  const limiter = app.get(RateLimiterService);
  // Before the body parser: a caller already known to be over budget is refused without reading its body.
  if (limiter.enabled) app.use(['/graphql', '/feeds'], exhaustedGate(limiter, app.get(ApiKeysService)));
  configureHttp(app, limits.bodyLimitBytes, limits.trustProxy);
  app.use(jsonShapeLimit(limits.jsonMaxDepth, limits.jsonMaxArray));
  app.use(safeErrorHandler);
  if (config.graphql.ide) mountGraphqlIde(app);
  if (limiter.enabled) app.use(['/feeds', '/public'], restRateLimit(limiter, app.get(ApiKeysService), config.rateLimits));
  installDisclosureEdge(app, securityHeaders);
}
