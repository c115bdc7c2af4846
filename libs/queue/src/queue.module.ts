import { AppConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JOB_OPTIONS, QUEUES } from './job-catalogue';
import { JobRegistry } from './job-registry.service';
import { QueueErrorLogger } from './queue-error-logger';
import { redisOptions } from './redis-options';

const queues = Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }));

/** BullMQ on the configured Redis, every queue of the catalogue, and the boot-time handler check. */
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // ioredis' option type and BullMQ's structural copy of it disagree on details only.
        connection: redisOptions(config, 'bullmq') as ConnectionOptions,
        prefix: config.redis.prefix,
        defaultJobOptions: JOB_OPTIONS.default,
      }),
    }),
    ...queues,
  ],
  providers: [JobRegistry, QueueErrorLogger],
  exports: [...queues],
})
export class QueueModule {}
