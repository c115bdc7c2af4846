import DataLoader from 'dataloader';

export type LoaderFactory = () => DataLoader<unknown, unknown>;

/**
 * One set of DataLoaders per GraphQL request (created in the context factory), so a field resolved for
 * 10,000 parents costs one batched query, and nothing is cached across requests or callers.
 * Loaders are built lazily: a request pays only for the loaders it uses.
 */
export class RequestLoaders {
  private readonly made = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly factories: ReadonlyMap<string, LoaderFactory>) {}

  get<K, V>(name: string): DataLoader<K, V> {
    let loader = this.made.get(name);
    if (!loader) {
      const factory = this.factories.get(name);
      if (!factory) throw new Error(`no DataLoader registered as ${name}`);
      loader = factory();
      this.made.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
