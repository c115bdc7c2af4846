import { NestExpressApplication } from '@nestjs/platform-express';
import { graphqlRequestBodyErrors, restRequestBodyErrors } from './request-body-errors';

/** HTTP settings shared by main.ts and the tests, so the tests run the same server the service runs. */
export function configureHttp(app: NestExpressApplication, bodyLimitBytes = 8 * 1024 * 1024, trustProxy: string | number = 'loopback'): void {
  // recordEvents takes up to 5,000 items (about 3 MB); the API passes HTTP_BODY_LIMIT (8 MiB by default).
  app.useBodyParser('json', { limit: bodyLimitBytes });
  // Right after the parser: a body it refuses on /graphql gets a GraphQL-shaped error, not Nest's.
  app.use('/graphql', graphqlRequestBodyErrors);
  app.use('/feeds/ratings', restRequestBodyErrors);
  // Whose X-Forwarded-For names the client (TRUST_PROXY): the public caller's per-IP budget keys on it.
  app.set('trust proxy', trustProxy);
  app.disable('x-powered-by');
}
