import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestLoaders } from './request-loaders';

/** Feature modules register their batch functions here at start-up; each request gets fresh loaders. */
@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, () => DataLoader<unknown, unknown>>();

  register<K, V, C = K>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>, options?: DataLoader.Options<K, V, C>): void {
    if (this.factories.has(name)) throw new Error(`DataLoader ${name} registered twice`);
    this.factories.set(name, () => new DataLoader<K, V, C>(batch, { maxBatchSize: 10_000, ...options }) as DataLoader<unknown, unknown>);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.factories);
  }
}
