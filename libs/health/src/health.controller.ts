import { Allow, PUBLIC } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ReadinessIndicators } from './readiness.indicators';

/** Liveness says the process answers; readiness says it can do its work (503 naming the failing part). */
@Controller('health')
@Allow(PUBLIC)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly ready: ReadinessIndicators,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  readiness(): Promise<HealthCheckResult> {
    return this.health.check([() => this.ready.database(), () => this.ready.redisReachable(), () => this.ready.migrations()]);
  }
}
