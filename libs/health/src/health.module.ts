import { RedisProbe } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_OPTIONS, HealthOptions } from './health-options';
import { ReadinessIndicators } from './readiness.indicators';

/**
 * /health/live and /health/ready, mounted by the API and by the worker's small HTTP port. What readiness
 * requires differs (api-contract.md): the API records through the outbox, so Redis is only reported there;
 * the worker cannot work without Redis.
 */
@Module({})
export class HealthModule {
  /** The API: ready with the database and migrations; Redis reported in the body, never a 503. */
  static forApi(): DynamicModule {
    return HealthModule.register({ redis: 'reported' });
  }

  /** The worker: ready with the database, migrations and Redis (503 naming what is down). */
  static forWorker(): DynamicModule {
    return HealthModule.register({ redis: 'required' });
  }

  private static register(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
      controllers: [HealthController],
      providers: [ReadinessIndicators, RedisProbe, { provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
