import { LoaderRegistry } from './loader-registry';

describe('LoaderRegistry', () => {
  it('batches loads within a request and keeps requests apart', async () => {
    const calls: number[][] = [];
    const registry = new LoaderRegistry();
    registry.register<number, number>('double', async (keys) => {
      calls.push([...keys]);
      return keys.map((k) => k * 2);
    });
    const first = registry.forRequest();
    const results = await Promise.all([1, 2, 3, 2].map((k) => first.get<number, number>('double').load(k)));
    expect(results).toEqual([2, 4, 6, 4]);
    expect(calls).toEqual([[1, 2, 3]]);
    await registry.forRequest().get<number, number>('double').load(1);
    expect(calls).toEqual([[1, 2, 3], [1]]); // a new request does not see the first one's cache
  });

  it('refuses unknown and duplicate loaders', () => {
    const registry = new LoaderRegistry();
    registry.register("x", async (keys: readonly number[]) => [...keys]);
    expect(() => registry.register("x", async (keys: readonly number[]) => [...keys])).toThrow(/twice/);
    expect(() => registry.forRequest().get('y')).toThrow(/no DataLoader registered as y/);
  });
});
