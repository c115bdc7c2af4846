import { WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ON_JOB_KEY } from './on-job.decorator';

type Handler = (job: Job) => Promise<unknown>;

/**
 * Base for queue processors: routes each job to the method marked @OnJob for its name. A job name without
 * a method fails the job loudly (and the boot-time JobRegistry check makes that unreachable in practice).
 */
export abstract class JobDispatcher extends WorkerHost {
  private handlers?: Map<string, Handler>;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlerMap().get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name} in ${this.constructor.name}`);
    return handler.call(this, job);
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
