import { AppConfig } from '@app/config';
import type { RedisOptions } from 'ioredis';

/**
 * ioredis options per use. BullMQ workers must have maxRetriesPerRequest: null (they block on Redis and
 * retry forever); a health probe must fail fast instead, so it gets no offline queue and one retry.
 */
export function redisOptions(config: AppConfig, use: 'bullmq' | 'probe'): RedisOptions {
  const base: RedisOptions = {
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    // Reconnect with a capped back-off; Redis coming back must be picked up without a restart.
    retryStrategy: (times) => Math.min(times * 200, 5000),
  };
  if (use === 'bullmq') return { ...base, maxRetriesPerRequest: null, enableReadyCheck: true };
  return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 2000 };
}
