import { BenchResult } from './report';

const SAMPLE_MS = 100;

/**
 * Runs one benchmark and records the bench process's peak resident set size while it ran (sampled every
 * 100 ms). The service runs in this process, so this is the figure that must stay flat as the data grows:
 * the lifetime peak (`resourceUsage().maxRSS`) would carry the previous benchmark's peak into the next one.
 */
export async function withPeakRss(run: () => Promise<BenchResult>): Promise<BenchResult> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  timer.unref();
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ...result, peakRssMiB: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
