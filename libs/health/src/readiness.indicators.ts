import { RedisProbe } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const DB_TIMEOUT_MS = 1500;

/** What readiness looks at (api-contract.md): the database, no pending migration, and Redis (required by the worker, reported by the API). */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
  ) {}

  async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DB_TIMEOUT_MS);
      return check.up();
    } catch {
      return check.down({ message: 'database unreachable' });
    }
  }

  async redisReachable(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('redis');
    return (await this.redis.ping()) ? check.up() : check.down({ message: 'redis unreachable' });
  }

  async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('migrations');
    try {
      const pending = await withTimeout(this.dataSource.showMigrations(), DB_TIMEOUT_MS);
      return pending ? check.down({ message: 'pending migrations: run `npm run cli -- migrate`' }) : check.up();
    } catch {
      return check.down({ message: 'could not read the migrations table' });
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
