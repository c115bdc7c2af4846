import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [{ name: '张某', n: null }, '{"n":null,"name":"张某"}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [{ at: new Date('2026-01-02T03:04:05.678Z') }, '{"at":"2026-01-02T03:04:05.678Z"}'],
    [[3, 'x'], '[3,"x"]'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 1, d: 2 } })).toBe(canonicalJson({ b: { d: 2, c: 1 }, a: 1 }));
  });
});
