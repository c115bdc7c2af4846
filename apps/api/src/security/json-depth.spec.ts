import { jsonShapeProblem } from './json-depth';

describe('jsonShapeProblem', () => {
  const nest = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
    return v;
  };

  it('accepts up to the depth limit and refuses one level more', () => {
    expect(jsonShapeProblem(nest(32), 32, 100)).toBeNull();
    expect(jsonShapeProblem(nest(33), 32, 100)).toBe('TOO_DEEP');
  });

  it('walks a very deep value without recursion', () => {
    expect(jsonShapeProblem(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), 32, 100)).toBe('TOO_DEEP');
  });

  it('refuses a list over the cap wherever it sits', () => {
    expect(jsonShapeProblem({ variables: { keys: new Array(101).fill('x') } }, 32, 100)).toBe('LIST_TOO_LONG');
    expect(jsonShapeProblem({ variables: { keys: new Array(100).fill('x') } }, 32, 100)).toBeNull();
    expect(jsonShapeProblem('text', 32, 100)).toBeNull();
  });
});
