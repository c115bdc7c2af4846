import { NestExpressApplication } from '@nestjs/platform-express';

/** HTTP settings shared by main.ts and the tests, so the tests run the same server the service runs. */
export function configureHttp(app: NestExpressApplication): void {
  // recordEvents takes up to 5,000 items; 20 MB leaves room without inviting abuse.
  app.useBodyParser('json', { limit: '20mb' });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
}
