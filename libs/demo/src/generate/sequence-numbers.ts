/** Running numbers per key (a city's decision kind and year, a source system and year), starting at 1. */
export class SequenceNumbers {
  private readonly last = new Map<string, number>();

  next(key: string): number {
    const n = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, n);
    return n;
  }
}
