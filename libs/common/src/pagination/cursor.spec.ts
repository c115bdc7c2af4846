import { DomainError } from '../errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from './cursor';

describe('cursor pagination', () => {
  it('round-trips a keyset', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 42]), 2)).toEqual(['2026-01-01', 42]);
  });

  it.each(['not-base64!', encodeCursor([1]), Buffer.from('{"a":1}').toString('base64url'), ''])(
    'rejects the malformed cursor %p with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(DomainError);
      try {
        decodeCursor(cursor, 2);
      } catch (e) {
        expect((e as DomainError).details).toMatchObject({ field: 'after', reason: 'INVALID_CURSOR' });
      }
    },
  );

  it('builds a page and says whether there is more', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const page = toPage(rows, 2, (r) => [r.id]);
    expect(page.nodes).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor as string, 1)).toEqual([2]);
    expect(toPage(rows, 5, (r) => [r.id]).pageInfo.hasNextPage).toBe(false);
    expect(toPage([], 5, (r: { id: number }) => [r.id]).pageInfo.endCursor).toBeNull();
  });

  it.each([[0], [101], [1.5]])('rejects page size %p', (n) => {
    expect(() => pageSize(n, 20, 100)).toThrow(/between 1 and 100/);
  });
  it('defaults the page size', () => expect(pageSize(undefined, 20, 100)).toBe(20));
});
