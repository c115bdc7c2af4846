import { checkJobHandlers } from './job-handlers';

const a = { queue: 'q', name: 'a' } as const;
const b = { queue: 'q', name: 'b' } as const;

describe('checkJobHandlers', () => {
  it('accepts exactly one handler per job', () => {
    expect(checkJobHandlers([a, b], [{ job: a, owner: 'X.a' }, { job: b, owner: 'X.b' }])).toEqual([]);
  });
  it('names a job without a handler', () => {
    expect(checkJobHandlers([a, b], [{ job: a, owner: 'X.a' }])).toEqual(['job q/b has no handler']);
  });
  it('names a job with two handlers', () => {
    expect(checkJobHandlers([a], [{ job: a, owner: 'X.a' }, { job: a, owner: 'Y.a' }])).toEqual(['job q/a has 2 handlers: X.a, Y.a']);
  });
  it('names a handler for a job outside the catalogue', () => {
    expect(checkJobHandlers([a], [{ job: a, owner: 'X.a' }, { job: { queue: 'q', name: 'zz' }, owner: 'X.zz' }])).toEqual([
      'X.zz handles q/zz, which is not in the job catalogue',
    ]);
  });
});
