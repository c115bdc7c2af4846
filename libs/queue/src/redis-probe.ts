import { AppConfig } from '@app/config';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { redisOptions } from './redis-options';

/** A small dedicated connection that answers "is Redis reachable now?" for readiness checks. */
@Injectable()
export class RedisProbe implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(config: AppConfig) {
    this.client = new Redis(redisOptions(config, 'probe'));
    this.client.on('error', () => undefined); // state is reported by ping(); no log storm while Redis is down
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      if (this.client.status === 'wait') await this.client.connect();
      const reply = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return reply === 'PONG';
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
