import { AppConfig } from '@app/config';
import { redisOptions } from '@app/queue';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { disclosureChangeChannel, encodeChangedIds } from './disclosure-change-channel';
import { PublicViewCache } from './public-view-cache';

/** How long a writer waits for Redis before carrying on (its change is committed already). */
const PUBLISH_TIMEOUT_MS = 1000;

/**
 * Tells every API replica, after a commit, which disclosures changed for the public, so their view caches drop
 * them: this process's cache at once, the others through Redis pub/sub. Never fails the caller: the change is
 * committed in the database either way; when Redis cannot be reached the replicas' caches are bounded by their
 * local TTL (the public max-age), and a replica whose own subscription is down reads the database's stamp.
 */
@Injectable()
export class DisclosureChangesPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(DisclosureChangesPublisher.name);
  private readonly channel: string;
  private client: Redis | null = null;
  private warned = false;

  constructor(
    private readonly config: AppConfig,
    private readonly views: PublicViewCache,
  ) {
    this.channel = disclosureChangeChannel(config);
  }

  async announce(ids: readonly (string | number)[]): Promise<void> {
    const list = [...new Set(ids.map(String))];
    if (list.length === 0) return;
    this.views.drop(list);
    try {
      await withTimeout(this.connection().publish(this.channel, encodeChangedIds(list)), PUBLISH_TIMEOUT_MS);
      this.warned = false;
    } catch {
      // Logged once per outage: ids are not personal data, but a storm of warnings helps nobody.
      if (!this.warned) this.logger.warn('could not announce a disclosure change on Redis; other replicas rely on their cache TTL or their own stamp reads');
      this.warned = true;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client?.disconnect();
    this.client = null;
  }

  /** Connected on first use: a process that never changes a disclosure opens no connection. */
  private connection(): Redis {
    if (!this.client) {
      // The offline queue holds the first command while the connection opens; the timeout bounds the wait when Redis is down.
      this.client = new Redis({ ...redisOptions(this.config, 'producer'), enableOfflineQueue: true, connectTimeout: PUBLISH_TIMEOUT_MS });
      this.client.on('error', () => undefined);
    }
    return this.client;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
