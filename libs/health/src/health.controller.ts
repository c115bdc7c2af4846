import { Allow, PUBLIC } from '@app/auth';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';
import { HEALTH_OPTIONS, HealthOptions } from './health-options';
import { ReadinessIndicators } from './readiness.indicators';

/**
 * Liveness says the process answers (and which process: start-up scripts check the answer comes from the
 * process they started); readiness says it can do its work (503 naming the failing part).
 */
@Controller('health')
@Allow(PUBLIC)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly ready: ReadinessIndicators,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  @Get('live')
  live(): { status: 'ok'; pid: number } {
    return { status: 'ok', pid: process.pid };
  }

  @Get('ready')
  @HealthCheck()
  async readiness(): Promise<HealthCheckResult> {
    const required = [() => this.ready.database(), () => this.ready.migrations()];
    if (this.options.redis === 'required') return this.health.check([...required, () => this.ready.redisReachable()]);
    // Redis only reported: probe it beside the required checks, then add it to whichever body goes out.
    const [redis, result] = await Promise.all([this.ready.redisReachable(), this.health.check(required).catch((e: unknown) => e)]);
    if (result instanceof ServiceUnavailableException) {
      throw new ServiceUnavailableException(withReported(result.getResponse() as HealthCheckResult, redis));
    }
    if (result instanceof Error) throw result;
    return withReported(result as HealthCheckResult, redis);
  }
}

/** Adds an indicator that does not decide the status: in `details`, and in `info` or `error` as it is. */
function withReported(result: HealthCheckResult, reported: HealthIndicatorResult): HealthCheckResult {
  const [key] = Object.keys(reported);
  const up = reported[key].status === 'up';
  return {
    ...result,
    info: up ? { ...result.info, ...reported } : result.info,
    error: up ? result.error : { ...result.error, ...reported },
    details: { ...result.details, ...reported },
  };
}
