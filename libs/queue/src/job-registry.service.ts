import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JOBS } from './job-catalogue';
import { checkJobHandlers, DiscoveredHandler } from './job-handlers';
import { ON_JOB_KEY } from './on-job.decorator';

/** Refuses to start a worker whose handlers do not match the job catalogue one to one. */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const problems = checkJobHandlers(Object.values(JOBS), this.discover());
    if (problems.length > 0) throw new Error(`job handlers do not match the job catalogue: ${problems.join('; ')}`);
  }

  discover(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const job = Reflect.getMetadata(ON_JOB_KEY, (proto as Record<string, unknown>)[name] as object);
        if (job) found.push({ job, owner: `${instance.constructor.name}.${name}` });
      }
    }
    return found;
  }
}
