import { RedisProbe } from '@app/queue';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';

/** /health/live and /health/ready, mounted by the API and by the worker's small HTTP port. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
  controllers: [HealthController],
  providers: [ReadinessIndicators, RedisProbe],
})
export class HealthModule {}
