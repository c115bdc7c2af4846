// npm run bench — benchmarks B2 and B4 (and B4 with asOf) of quality.md, each as a ratio against a baseline measured in the same
// run, after checking that the service's result equals the baseline's. BENCH_SCALE multiplies the default
// sizes (e.g. BENCH_SCALE=0.05 while developing). Report on stdout, progress on stderr.
// Exit code: 1 when a result differs from its baseline (or the run fails), else 0; a slow result is printed
// as FAIL but does not change the exit code.
import './production-mode';
import 'reflect-metadata';
import { IsoDate } from '@app/credit';
import { runB2 } from './b2-full-rescore';
import { runB4 } from './b4-ratings-query';
import { assertDurable, benchEnv, BENCH_DB, rawPool, recreateDatabase, startServices } from './bench-db';
import { loadOrgData } from './load-data';
import { BenchResult, passed, printReport, progress } from './report';

const DEFAULTS = { b2Subjects: 200_000, b2Events: 2_000_000, b4Keys: 10_000, b4Requests: 20 };
const SEED = 20_250_101;
// A fixed "today" for the generator and B2's asOf: the same data and scores whatever day the bench runs.
const AS_OF = '2026-06-30' as IsoDate;
const YEARS = 3;

function benchScale(): number {
  const raw = process.env.BENCH_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a number > 0, got ${raw}`);
  return scale;
}

async function main(): Promise<number> {
  const scale = benchScale();
  const sized = (n: number): number => Math.max(1, Math.round(n * scale));
  progress(`BENCH_SCALE=${scale}: starting the bench servers (scripts/services.sh, durable profile)`);
  startServices();
  const env = benchEnv();
  progress(`recreating database ${BENCH_DB} and running the migrations`);
  await recreateDatabase(env);
  const pool = rawPool(env);
  const results: BenchResult[] = [];
  try {
    const server = await assertDurable(pool);
    const subjects = sized(DEFAULTS.b2Subjects);
    progress(`loading ${subjects} subjects and ${sized(DEFAULTS.b2Events)} events (seeded demo generator, raw INSERTs)`);
    const data = await loadOrgData(pool, { seed: SEED, subjects, events: sized(DEFAULTS.b2Events), today: AS_OF, years: YEARS });
    progress(`loaded in ${(data.loadMs / 1000).toFixed(1)} s`);

    results.push(await runB2(pool, data, AS_OF));
    // B4 reads the ratings B2's full rescore stored (its own size can never exceed B2's subject count).
    const b4 = { seed: SEED, keys: Math.min(sized(DEFAULTS.b4Keys), data.subjects), requests: DEFAULTS.b4Requests };
    results.push(await runB4(pool, b4));
    // The asOf path beside it: the same keys answered by computing each rating from its events as of B2's day,
    // which must equal what B2 stored.
    results.push(await runB4(pool, { ...b4, asOf: AS_OF }));

    printReport(results, [
      `Benchmarks B2, B4, B4-asOf (quality.md) — BENCH_SCALE=${scale}, seed ${SEED}, Node ${process.version}`,
      server,
    ]);
  } finally {
    await pool.end();
  }
  const failed = results.filter((r) => !passed(r)).map((r) => r.id);
  process.stdout.write(failed.length === 0 ? 'all targets met\n' : `targets not met: ${failed.join(', ')}\n`);
  return results.some((r) => r.differenceCount > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
