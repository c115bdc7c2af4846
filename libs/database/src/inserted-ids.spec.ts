import { idsAreConsecutive } from './inserted-ids';

describe('idsAreConsecutive', () => {
  it('trusts insertId + k under the traditional and consecutive lock modes with a step of 1', () => {
    expect(idsAreConsecutive({ lockMode: 0, increment: 1 })).toBe(true);
    expect(idsAreConsecutive({ lockMode: 1, increment: 1 })).toBe(true);
  });

  it('reads the ids back under interleaved mode or another step', () => {
    expect(idsAreConsecutive({ lockMode: 2, increment: 1 })).toBe(false);
    expect(idsAreConsecutive({ lockMode: 1, increment: 2 })).toBe(false);
    expect(idsAreConsecutive({ lockMode: Number.NaN, increment: 1 })).toBe(false);
  });
});
