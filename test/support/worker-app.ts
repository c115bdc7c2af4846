import { RegistryModule } from '@app/registry';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * The real worker (outbox relay, processors) plus the registry's service path, started with `env` laid over the
 * test environment for the duration of its start-up (the configuration is read then), e.g. a Redis of the test's own.
 */
export async function startWorkerApp(env: Record<string, string>): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const ref = await Test.createTestingModule({ imports: [WorkerModule, RegistryModule] }).compile();
    const app = ref.createNestApplication({ logger: false });
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}
