import { performance } from 'node:perf_hooks';

const started = performance.now();

/** Progress goes to stderr, so stdout carries only the report. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

/** Wall time of `fn` in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Nearest-rank percentile (p in 0–100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export interface BenchResult {
  id: string;
  title: string;
  /** What was measured on how much data, as printed. */
  sizes: string[];
  baseline: { label: string; ms: number };
  service: { label: string; ms: number };
  /** Further figures worth printing (p95, second runs, throughput). */
  details: string[];
  /** service / baseline; the target is met when ratio <= target and the results were equal. */
  ratio: number;
  target: number;
  targetText: string;
  /** Empty when the service's result equals the baseline's; else the first differences, described. */
  differences: string[];
  differenceCount: number;
  notes: string[];
}

export function passed(r: BenchResult): boolean {
  return r.differenceCount === 0 && r.ratio <= r.target;
}

/** Human-readable report on stdout: a fast wrong answer is reported as FAIL whatever its speed. */
export function printReport(results: readonly BenchResult[], header: readonly string[]): void {
  const out: string[] = ['', ...header, ''];
  for (const r of results) {
    out.push(`${r.id} — ${r.title}`);
    for (const s of r.sizes) out.push(`  size      ${s}`);
    out.push(`  baseline  ${fmtMs(r.baseline.ms)}  ${r.baseline.label}`);
    out.push(`  service   ${fmtMs(r.service.ms)}  ${r.service.label}`);
    for (const d of r.details) out.push(`  detail    ${d}`);
    out.push(`  ratio     ${r.ratio.toFixed(2)}× (target ${r.targetText})`);
    if (r.differenceCount === 0) {
      out.push('  results   equal to the baseline');
    } else {
      out.push(`  results   ${r.differenceCount} DIFFERENCE(S) from the baseline, first ones:`);
      for (const d of r.differences) out.push(`            ${d}`);
    }
    for (const n of r.notes) out.push(`  note      ${n}`);
    const verdict = r.differenceCount > 0 ? 'FAIL (results differ)' : r.ratio <= r.target ? 'PASS' : 'FAIL (too slow)';
    out.push(`  ${verdict}`, '');
  }
  process.stdout.write(out.join('\n') + '\n');
}

export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s`.padStart(10) : `${ms.toFixed(1)} ms`.padStart(10);
}
