import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QUEUES } from './job-catalogue';

const LOG_INTERVAL_MS = 30_000;

/**
 * Listens to the registered queues' 'error' events: without a listener BullMQ prints every reconnect failure
 * to the console while Redis is down. One warning per queue per interval says the same.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      let last = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - last < LOG_INTERVAL_MS) return;
        last = Date.now();
        this.logger.warn({ queue: name, err: error.message }, 'queue connection error; retrying');
      });
    }
  }
}
