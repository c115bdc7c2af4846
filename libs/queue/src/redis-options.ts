import { AppConfig } from '@app/config';
import type { RedisOptions } from 'ioredis';

/**
 * ioredis options per use. BullMQ workers must have maxRetriesPerRequest: null (they block on Redis and
 * retry forever); a health probe and a producer with a durable source must fail fast instead.
 */
export function redisOptions(config: AppConfig, use: 'bullmq' | 'producer' | 'probe'): RedisOptions {
  const base: RedisOptions = {
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    // Reconnect with a capped back-off; Redis coming back must be picked up without a restart.
    retryStrategy: (times) => Math.min(times * 200, 5000),
  };
  if (use === 'bullmq') return { ...base, maxRetriesPerRequest: null, enableReadyCheck: true };
  // A producer that must not hang while Redis is down (the outbox relay): commands fail at once instead of
  // queueing in memory, and the caller retries later from its own durable state.
  if (use === 'producer') return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 2000 };
}
