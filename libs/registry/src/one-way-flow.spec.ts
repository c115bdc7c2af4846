import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .ts file under a folder, specs excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

// Data flows one way (architecture.md): event recorded → outbox → rescore → rating. Ratings may read the
// registry; the registry knows nothing of ratings: no import, no query of their tables or bookkeeping.
describe('the registry does not know ratings', () => {
  const files = sources(__dirname).map((path) => ({ path: relative(__dirname, path), text: readFileSync(path, 'utf8') }));

  it('finds the registry sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each([
    ['imports of the ratings library', /from '@app\/ratings|from '\.\.\/\.\.\/\.\.\/ratings/],
    ['queries of the ratings tables', /\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+`?(ratings|rating_history|rating_notifications|rescore_due|full_rescore_runs)\b/i],
    ['rating bookkeeping columns', /rescore_due_since|rescoreDue/],
    ['grades', /\bGrade\b/],
  ])('has no %s', (_what, pattern) => {
    expect(files.filter((f) => pattern.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
