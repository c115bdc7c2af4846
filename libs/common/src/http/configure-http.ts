import { NestExpressApplication } from '@nestjs/platform-express';
import { graphqlRequestBodyErrors, restRequestBodyErrors } from './request-body-errors';

/** HTTP settings shared by main.ts and the tests, so the tests run the same server the service runs. */
export function configureHttp(app: NestExpressApplication): void {
  // recordEvents takes up to 5,000 items; 20 MB leaves room without inviting abuse.
  app.useBodyParser('json', { limit: '20mb' });
  // Right after the parser: a body it refuses on /graphql gets a GraphQL-shaped error, not Nest's.
  app.use('/graphql', graphqlRequestBodyErrors);
  app.use('/feeds/ratings', restRequestBodyErrors);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
}
