/**
 * A map keyed by an event's source key (sourceSystem, sourceRef), held as one map per system: a batch names
 * a handful of systems and thousands of references, and joining the two into one string per lookup was
 * garbage for every item of a 5,000-item batch (B1). Keys compare exactly, as the binary key columns do.
 */
export class SourceKeyMap<V> {
  private readonly bySystem = new Map<string, Map<string, V>>();

  get(system: string, ref: string): V | undefined {
    return this.bySystem.get(system)?.get(ref);
  }

  set(system: string, ref: string, value: V): void {
    let refs = this.bySystem.get(system);
    if (!refs) this.bySystem.set(system, (refs = new Map()));
    refs.set(ref, value);
  }
}
