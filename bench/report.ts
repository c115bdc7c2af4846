import { writeFileSync } from 'node:fs';
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
  /**
   * service / baseline; the target is met when ratio <= target and the results were equal. A null target: a
   * figure quality.md sets no target for, measured beside one that has (B4-asOf beside B4): reported, never
   * counted as met or missed.
   */
  ratio: number;
  target: number | null;
  targetText: string;
  /** Empty when the service's result equals the baseline's; else the first differences, described. */
  differences: string[];
  differenceCount: number;
  notes: string[];
  /**
   * Every timed run of each side in ms (requests, passes, segments), when there are several: the report
   * prints their median and spread (min–max), so one noisy run on a shared machine shows as such.
   */
  runs?: { baseline: number[]; service: number[] };
  /** Peak resident set size of the bench process (the service runs in it) while this benchmark ran, MiB. */
  peakRssMiB?: number;
  /** The size as one short phrase for results.json (sizes[0] otherwise). */
  size?: string;
}

/** One row of bench/results.json: the machine-readable twin of the terminal table. */
export interface ResultRow {
  id: string;
  size: string;
  baseline_s: number;
  service_s: number;
  ratio: number;
  target: number | null;
  /** null when the row has no target (reported only). */
  pass: boolean | null;
  equal: boolean;
  target_text: string;
  runs: { baseline: Spread | null; service: Spread | null };
  peak_rss_mib: number | null;
}

/** Median and spread of a side's timed runs, seconds. */
export interface Spread {
  n: number;
  median_s: number;
  min_s: number;
  max_s: number;
}

/** Whether a row meets its target: null for a row without one (its results must still be equal: see failedIds). */
export function passed(r: BenchResult): boolean | null {
  if (r.target === null) return null;
  return r.differenceCount === 0 && r.ratio <= r.target;
}

/** The rows that fail: a target missed, or results that differ (with or without a target). */
export function failedIds(results: readonly BenchResult[]): string[] {
  return results.filter((r) => r.differenceCount > 0 || passed(r) === false).map((r) => r.id);
}

function verdictOf(r: BenchResult): string {
  if (r.differenceCount > 0) return 'FAIL (results differ)';
  if (r.target === null) return 'REPORTED (no target)';
  return r.ratio <= r.target ? 'PASS' : 'FAIL (too slow)';
}

/** Human-readable report on stdout: a fast wrong answer is reported as FAIL whatever its speed. */
export function printReport(results: readonly BenchResult[], header: readonly string[]): void {
  const out: string[] = ['', ...header, ''];
  for (const r of results) {
    out.push(`${r.id} — ${r.title}`);
    for (const s of r.sizes) out.push(`  size      ${s}`);
    out.push(`  baseline  ${fmtMs(r.baseline.ms)}  ${r.baseline.label}`);
    out.push(`  service   ${fmtMs(r.service.ms)}  ${r.service.label}`);
    const spread = spreadText(r);
    if (spread) out.push(`  runs      ${spread}`);
    if (r.peakRssMiB !== undefined) out.push(`  peak RSS  ${r.peakRssMiB} MiB (bench process, the service in it)`);
    for (const d of r.details) out.push(`  detail    ${d}`);
    out.push(`  ratio     ${r.ratio < 0.01 && r.ratio > 0 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}× (target ${r.targetText})`);
    if (r.differenceCount === 0) {
      out.push('  results   equal to the baseline');
    } else {
      out.push(`  results   ${r.differenceCount} DIFFERENCE(S) from the baseline, first ones:`);
      for (const d of r.differences) out.push(`            ${d}`);
    }
    for (const n of r.notes) out.push(`  note      ${n}`);
    out.push(`  ${verdictOf(r)}`, '');
  }
  out.push(...summaryTable(results));
  process.stdout.write(out.join('\n') + '\n');
}

// The summary's size column is cut to this width (results.json keeps the whole phrase).
const SIZE_WIDTH = 60;

/** The same rows as results.json, one line each. */
function summaryTable(results: readonly BenchResult[]): string[] {
  const head = ['id', 'size', 'baseline', 'service', 'ratio', 'target', 'result'];
  const rows = results.map((r) => {
    const row = resultRow(r);
    const size = row.size.length > SIZE_WIDTH ? `${row.size.slice(0, SIZE_WIDTH - 1)}…` : row.size;
    return [row.id, size, `${row.baseline_s} s`, `${row.service_s} s`, `${row.ratio}×`, row.target === null ? '—' : `≤ ${row.target}×`, verdictOf(r)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return ['summary (also in bench/results.json)', line(head), ...rows.map(line), ''];
}

/** Writes the run's rows to `file` (bench/results.json), replacing the last run's. */
export function writeResults(file: string, results: readonly BenchResult[]): void {
  writeFileSync(file, JSON.stringify(results.map(resultRow), null, 2) + '\n');
}

export function resultRow(r: BenchResult): ResultRow {
  return {
    id: r.id,
    size: r.size ?? r.sizes[0] ?? '',
    baseline_s: round(r.baseline.ms / 1000),
    service_s: round(r.service.ms / 1000),
    ratio: round(r.ratio),
    target: r.target,
    pass: passed(r),
    equal: r.differenceCount === 0,
    target_text: r.targetText,
    runs: { baseline: spreadOf(r.runs?.baseline), service: spreadOf(r.runs?.service) },
    peak_rss_mib: r.peakRssMiB ?? null,
  };
}

function spreadOf(ms: readonly number[] | undefined): Spread | null {
  if (!ms || ms.length === 0) return null;
  return { n: ms.length, median_s: round(median(ms) / 1000), min_s: round(Math.min(...ms) / 1000), max_s: round(Math.max(...ms) / 1000) };
}

function spreadText(r: BenchResult): string | null {
  if (!r.runs) return null;
  const side = (name: string, ms: readonly number[]): string =>
    ms.length === 0 ? `${name} –` : `${name} median ${fmtMs(median(ms)).trim()} over ${ms.length} (${fmtMs(Math.min(...ms)).trim()}–${fmtMs(Math.max(...ms)).trim()})`;
  return `${side('baseline', r.runs.baseline)}; ${side('service', r.runs.service)}`;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Three significant digits: enough for noisy timings, short in JSON. */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(3)) : x;
}

export function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s`.padStart(10) : `${ms.toFixed(1)} ms`.padStart(10);
}
