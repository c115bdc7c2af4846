import { AppConfig } from '@app/config';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Bucket } from './caller-bucket';

/** The outcome of charging a request: whether it may run, and what to tell the caller. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the budget has room again (Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
  /** Seconds until the current window ends (RateLimit-Reset). */
  resetSeconds: number;
}

const WINDOW_SECONDS = 60;

/**
 * Per-minute budgets in query-cost points, one per API key and one per IP for the public caller, kept in
 * Redis so every API replica draws on the same budget (rate-limiter-flexible: an atomic Lua increment with
 * TTL per key). Redis is not needed to serve: when it is down or slow, each process keeps counting in an
 * in-memory insurance limiter with the same budget, so a replica still refuses floods on its own.
 */
@Injectable()
export class RateLimiterService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterRedis>();
  /**
   * Buckets this process has seen refused, until their window ends. A refusal means the window's points are
   * spent (a refused charge still counts), so every later request in the window is refused too: the gate in
   * front of the body parser answers those from here, without Redis and without reading the body.
   */
  private readonly exhausted = new Map<string, { until: number; limit: number }>();
  readonly enabled: boolean;

  constructor(config: AppConfig) {
    const limits = config.rateLimits;
    this.enabled = limits.enabled;
    if (!this.enabled) {
      this.redis = null;
      return;
    }
    const { host, port, password, prefix } = config.redis;
    this.redis = new Redis({
      host,
      port,
      password,
      // Fail fast instead of queueing: a request must not wait on Redis; the insurance limiter answers.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      lazyConnect: false,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    let warned = false;
    this.redis.on('error', () => {
      if (!warned) this.logger.warn('Redis unreachable: rate limits are counted per process until it returns');
      warned = true;
    });
    this.redis.on('ready', () => {
      if (warned) this.logger.log('Redis reachable again: rate limits are shared across replicas');
      warned = false;
    });
    for (const [role, points] of Object.entries(limits.perMinute)) {
      this.limiters.set(
        role,
        new RateLimiterRedis({
          storeClient: this.redis,
          points,
          duration: WINDOW_SECONDS,
          keyPrefix: `${prefix}:ratelimit:${role}`,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: `local:${role}` }),
        }),
      );
    }
  }

  /** Charges `cost` points to the bucket; never throws (a store failure falls back to the insurance limiter). */
  async consume(bucket: Bucket, cost: number): Promise<RateDecision | null> {
    const limiter = this.limiters.get(bucket.role);
    if (!limiter) return null;
    const points = limiter.points;
    try {
      const res = await limiter.consume(bucket.key, Math.max(1, Math.ceil(cost)));
      return { allowed: true, limit: points, remaining: res.remainingPoints, retryAfterSeconds: 0, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        this.remember(bucket, Date.now() + e.msBeforeNext, points);
        return { allowed: false, limit: points, remaining: Math.max(0, e.remainingPoints), retryAfterSeconds: wait, resetSeconds: wait };
      }
      // Both stores failed (should not happen: the insurance limiter is in memory). Serve rather than fail closed.
      this.logger.error({ err: e }, 'rate limiter failed; request served unmetered');
      return null;
    }
  }

  /** A refusal without charging, when this process already saw the bucket's window spent; else null. */
  knownExhausted(bucket: Bucket, now = Date.now()): RateDecision | null {
    const id = `${bucket.role}|${bucket.key}`;
    const seen = this.exhausted.get(id);
    if (!seen) return null;
    if (seen.until <= now) {
      this.exhausted.delete(id);
      return null;
    }
    const wait = Math.max(1, Math.ceil((seen.until - now) / 1000));
    return { allowed: false, limit: seen.limit, remaining: 0, retryAfterSeconds: wait, resetSeconds: wait };
  }

  private remember(bucket: Bucket, until: number, limit: number): void {
    // Bounded: a flood from many addresses must not grow the map without end (entries also expire on read).
    if (this.exhausted.size >= 100_000) this.exhausted.clear();
    this.exhausted.set(`${bucket.role}|${bucket.key}`, { until, limit });
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
