import 'reflect-metadata';
import { listenOrExplain } from '@app/common/http';
import { AppConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT Nest closes the module tree; @nestjs/bullmq then closes each Worker, which waits for
  // its active jobs to finish (a job cut off by kill -9 is stalled and retried by BullMQ).
  app.enableShutdownHooks();
  const { host, workerPort } = app.get(AppConfig).http;
  await listenOrExplain(app, workerPort, host, 'WORKER_PORT');
  app.get(Logger).log(`worker running; health http://${host}:${workerPort}/health/ready`);
}

void bootstrap().catch((e: unknown) => {
  process.stderr.write(`worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
