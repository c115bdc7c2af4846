import 'reflect-metadata';
import { AppConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { configureHttp, listenOrExplain } from '@app/common/http';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttp(app);
  app.enableShutdownHooks();
  const { host, port } = app.get(AppConfig).http;
  await listenOrExplain(app, port, host, 'PORT');
  app.get(Logger).log(`API listening: GraphQL http://${host}:${port}/graphql, health http://${host}:${port}/health/ready`);
}

void bootstrap().catch((e: unknown) => {
  process.stderr.write(`API failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
