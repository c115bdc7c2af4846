import { restCost } from './rest-cost';

const costs = { restCost: 10, snapshotCost: 1000 };

describe('restCost', () => {
  it('charges a snapshot its fixed cost, its HEAD the base cost', () => {
    expect(restCost('GET', '/feeds/lists/GOOD_CONDUCT/snapshot', {}, costs)).toBe(1000);
    expect(restCost('GET', '/feeds/penalties/snapshot', { format: 'csv' }, costs)).toBe(1000);
    expect(restCost('HEAD', '/feeds/penalties/snapshot', {}, costs)).toBe(10);
  });

  it('charges a changes page by the number of changes asked for (default and cap 10,000)', () => {
    expect(restCost('GET', '/feeds/lists/GOOD_CONDUCT/changes', { since: '0', limit: '100' }, costs)).toBe(11);
    expect(restCost('GET', '/feeds/penalties/changes', { since: '0' }, costs)).toBe(110);
    expect(restCost('GET', '/feeds/penalties/changes', { limit: '999999' }, costs)).toBe(110);
    expect(restCost('GET', '/feeds/penalties/changes', { limit: 'abc' }, costs)).toBe(110);
  });

  it('charges the public pages the base cost', () => {
    expect(restCost('GET', '/public/disclosures', {}, costs)).toBe(10);
    expect(restCost('GET', '/public', {}, costs)).toBe(10);
  });
});
