import { AppConfig } from '@app/config';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptions } from './redis-options';

/** How long a nudge may wait in ioredis for a connection before it is dropped (the poll delivers anyway). */
const NUDGE_CONNECT_MS = 1000;

/**
 * The pub/sub channel on which a process that committed outbox rows tells the worker's relay to look now.
 * Under QUEUE_PREFIX, so instances (and parallel test workers) sharing one Redis stay apart.
 */
export function outboxNudgeChannel(config: AppConfig): string {
  return `${config.redis.prefix}:outbox:nudge`;
}

/**
 * Publishes the nudge after a commit. Fire-and-forget: the caller never waits for Redis and never sees its
 * errors. A lost nudge (Redis down, no subscriber) costs only latency: the relay's idle poll still delivers
 * the rows, which are the durable part. The message carries nothing (no ids, no personal data).
 */
@Injectable()
export class OutboxNudger implements OnModuleDestroy {
  private client: Redis | null = null;
  private readonly channel: string;

  constructor(private readonly config: AppConfig) {
    this.channel = outboxNudgeChannel(config);
  }

  nudge(): void {
    try {
      this.connection()
        .publish(this.channel, '1')
        .catch(() => undefined);
    } catch {
      // A synchronous failure of the client is as good as a lost message.
    }
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
    this.client = null;
  }

  /** Connected on first use: a process that never records opens no connection. */
  private connection(): Redis {
    if (!this.client) {
      // The offline queue holds the first nudge while the connection opens; maxRetriesPerRequest (1) drops
      // queued nudges after a failed reconnect, so an outage cannot pile them up in memory.
      this.client = new Redis({ ...redisOptions(this.config, 'producer'), enableOfflineQueue: true, connectTimeout: NUDGE_CONNECT_MS, connectionName: `${this.config.redis.prefix}:outbox-nudge` });
      this.client.on('error', () => undefined);
    }
    return this.client;
  }
}
