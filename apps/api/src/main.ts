import 'reflect-metadata';
import { AppConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { listenOrExplain } from '@app/common/http';
import { configureApiHttp } from './security/configure-api-http';
import { describeMode } from './security/describe-mode';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApiHttp(app);
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  const { host, port } = config.http;
  await listenOrExplain(app, port, host, 'PORT');
  app.get(Logger).log(`API listening: GraphQL http://${host}:${port}/graphql, health http://${host}:${port}/health/ready`);
  app.get(Logger).log(describeMode(config, `http://${host}:${port}`));
}

void bootstrap().catch((e: unknown) => {
  process.stderr.write(`API failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
