import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { ON_JOB_KEY } from './on-job.decorator';

type Handler = (job: Job) => Promise<unknown>;

/** While Redis is away ioredis retries every few seconds; one log line per this interval is enough. */
const CONNECTION_ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Base for queue processors: routes each job to the method marked @OnJob for its name. A job name without
 * a method fails the job loudly (and the boot-time JobRegistry check makes that unreachable in practice).
 */
export abstract class JobDispatcher extends WorkerHost {
  private handlers?: Map<string, Handler>;
  private lastConnectionError = 0;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlerMap().get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name} in ${this.constructor.name}`);
    return handler.call(this, job);
  }

  /**
   * Without a listener BullMQ prints every reconnect failure to the console. The worker reconnects by itself
   * (redisOptions' retryStrategy); operators need to know it is waiting, not a line per attempt.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    const now = Date.now();
    if (now - this.lastConnectionError < CONNECTION_ERROR_LOG_INTERVAL_MS) return;
    this.lastConnectionError = now;
    new Logger(this.constructor.name).warn({ err: error.message }, 'queue connection error; retrying');
  }

  private handlerMap(): Map<string, Handler> {
    if (this.handlers) return this.handlers;
    this.handlers = new Map();
    let proto: object | null = Object.getPrototypeOf(this);
    while (proto && proto !== JobDispatcher.prototype) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = (proto as Record<string, unknown>)[key];
        const meta = typeof method === 'function' ? Reflect.getMetadata(ON_JOB_KEY, method) : undefined;
        if (meta && !this.handlers.has(meta.name)) this.handlers.set(meta.name, method as Handler);
      }
      proto = Object.getPrototypeOf(proto);
    }
    return this.handlers;
  }
}
