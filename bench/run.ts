// npm run bench — benchmarks B1, B2, B3, B4 (and B4 with asOf), B5, B6, B7 and B9 of quality.md, each as a ratio against a baseline measured in the
// same run, after checking that the service's result equals the baseline's. BENCH_SCALE multiplies the default
// sizes (e.g. BENCH_SCALE=0.05 while developing); BENCH_ONLY=B5 (or B2,B4, or B2,B7, or B6,B9) runs some of them. Report on stdout,
// progress on stderr; the same rows as JSON in bench/results.json.
// Exit code: 1 when a result differs from its baseline (or the run fails), else 0; a slow result is printed
// as FAIL but does not change the exit code.
import './production-mode';
import 'reflect-metadata';
import { IsoDate } from '@app/credit';
import { join } from 'node:path';
import { runB1 } from './b1-event-ingest';
import { runB2 } from './b2-full-rescore';
import { runB3 } from './b3-event-to-rating';
import { runB4 } from './b4-ratings-query';
import { runB5 } from './b5-list-changes';
import { runB6 } from './b6-disclosure-job';
import { runB7 } from './b7-revocation';
import { runB9 } from './b9-disclosure-reads';
import { runR5 } from './r5-request-bombs';
import { assertDurable, benchEnv, BENCH_DB, rawPool, recreateDatabase, ROOT, startServices } from './bench-db';
import { loadOrgData } from './load-data';
import { loadPersonData } from './load-persons';
import { withPeakRss } from './peak-rss';
import { BenchResult, failedIds, printReport, progress, writeResults } from './report';

const DEFAULTS = {
  b1Events: 500_000,
  b3Events: 200,
  // B7: always 100 revocations (a latency against a limit, like B3), on B2's data.
  b7Revocations: 100,
  // B2's persons, rated in the same run as its organisations (their share of the time is reported).
  b2Practitioners: 40_000,
  b2PractitionerEvents: 160_000,
  b2InsuredPersons: 60_000,
  b2InsuredEvents: 40_000,
  b2Subjects: 200_000,
  b2Events: 2_000_000,
  b4Keys: 10_000,
  b4Requests: 20,
  b5Entries: 100_000,
  b5Changes: 1_000,
  b6Items: 100_000,
  b9Disclosures: 1_000,
};
const BENCHMARKS = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B9', 'R5'] as const;
type Benchmark = (typeof BENCHMARKS)[number];
const SEED = 20_250_101;
const RESULTS_FILE = join(ROOT, 'bench', 'results.json');
const started = Date.now();
// A fixed "today" for the generator and B2's asOf: the same data and scores whatever day the bench runs.
const AS_OF = '2026-06-30' as IsoDate;
const YEARS = 3;

function benchScale(): number {
  const raw = process.env.BENCH_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a number > 0, got ${raw}`);
  return scale;
}

/** BENCH_ONLY=B5 or B2,B4: the benchmarks to run (all by default). B4 reads the ratings B2 stores. */
function benchOnly(): Set<Benchmark> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(BENCHMARKS);
  const names = raw.split(',').map((n) => n.trim().toUpperCase());
  const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names ${unknown.join(', ')}: one or more of ${BENCHMARKS.join(', ')}`);
  const only = new Set(names as Benchmark[]);
  if (only.has('B3') && !only.has('B2')) throw new Error('BENCH_ONLY: B3 records events on the subjects B2 rates, so it needs B2 too (BENCH_ONLY=B2,B3)');
  if (only.has('B7') && !only.has('B2')) throw new Error('BENCH_ONLY: B7 revokes decisions of the organisations B2 loads, so it needs B2 too (BENCH_ONLY=B2,B7)');
  if (only.has('B4') && !only.has('B2')) throw new Error('BENCH_ONLY: B4 reads the ratings B2 stores, so it needs B2 too (BENCH_ONLY=B2,B4)');
  return only;
}

async function main(): Promise<number> {
  const scale = benchScale();
  const only = benchOnly();
  const sized = (n: number): number => Math.max(1, Math.round(n * scale));
  progress(`BENCH_SCALE=${scale}: starting the bench servers (scripts/services.sh, durable profile)`);
  startServices();
  const env = benchEnv();
  progress(`recreating database ${BENCH_DB} and running the migrations`);
  await recreateDatabase(env);
  const pool = rawPool(env);
  const results: BenchResult[] = [];
  let b2Subjects = 0;
  let server = '';
  try {
    server = await assertDurable(pool);
    if (only.has('B1')) {
      // Its own two databases (service and baseline), dropped afterwards: B2's data is loaded after it.
      results.push(await withPeakRss(() => runB1(env, { seed: SEED, events: sized(DEFAULTS.b1Events), today: AS_OF, years: YEARS })));
    }
    if (only.has('B2')) {
      const subjects = sized(DEFAULTS.b2Subjects);
      progress(`loading ${subjects} subjects and ${sized(DEFAULTS.b2Events)} events (seeded demo generator, raw INSERTs)`);
      const data = await loadOrgData(pool, { seed: SEED, subjects, events: sized(DEFAULTS.b2Events), today: AS_OF, years: YEARS });
      progress(`loaded in ${(data.loadMs / 1000).toFixed(1)} s`);
      const persons = await loadPersonData(pool, {
        seed: SEED,
        practitioners: sized(DEFAULTS.b2Practitioners),
        practitionerEvents: sized(DEFAULTS.b2PractitionerEvents),
        insuredPersons: sized(DEFAULTS.b2InsuredPersons),
        insuredEvents: sized(DEFAULTS.b2InsuredEvents),
        today: AS_OF,
        years: YEARS,
      });
      progress(`loaded ${persons.practitioners} practitioners and ${persons.insuredPersons} insured persons with ${persons.events} events in ${(persons.loadMs / 1000).toFixed(1)} s`);

      results.push(await withPeakRss(() => runB2(pool, data, AS_OF, persons)));
      if (only.has('B4')) {
        // B4 reads the ratings B2's full rescore stored (its own size can never exceed B2's subject count).
        // 10,000 keys is quality.md's size and the API's limit per call (MAX_RATING_KEYS): a smaller scale shrinks
        // it, a larger one does not grow it (B2's data grows instead).
        const b4 = { seed: SEED, keys: Math.min(sized(DEFAULTS.b4Keys), DEFAULTS.b4Keys, data.subjects), requests: DEFAULTS.b4Requests };
        results.push(await withPeakRss(() => runB4(pool, b4)));
        // The asOf path beside it: the same keys answered by computing each rating from its events as of B2's
        // day, which must equal what B2 stored.
        results.push(await withPeakRss(() => runB4(pool, { ...b4, asOf: AS_OF })));
      }
      b2Subjects = data.subjects;
    }
    if (only.has('B5')) {
      // Its own subjects and list (ids after B2's subjects), so it runs alone as well.
      results.push(await withPeakRss(() => runB5(pool, { seed: SEED, entries: sized(DEFAULTS.b5Entries), changes: sized(DEFAULTS.b5Changes), asOf: AS_OF })));
    }
    if (only.has('B6')) {
      // Its own subjects and decisions in a month after every other benchmark's data, so it runs alone as well.
      results.push(await withPeakRss(() => runB6(pool, { seed: SEED, items: sized(DEFAULTS.b6Items) })));
    }
    if (only.has('R5')) {
      // The API alone: every hostile request of R5 refused, timed against the 50 ms of quality.md.
      results.push(await withPeakRss(() => runR5()));
    }
    if (only.has('B9')) {
      // Its own published disclosures (inserted as stored rows), read over HTTP through the public route.
      results.push(await withPeakRss(() => runB9(pool, { seed: SEED, disclosures: sized(DEFAULTS.b9Disclosures) })));
    }
    if (only.has('B3')) {
      // Last: its events go through the whole worker pipeline, whose list refresh puts penalised subjects on the
      // KEY_SUPERVISION list that B5 needs empty. On B2's data, after B4 read B2's ratings as stored. Always 200
      // events (a latency, not a throughput), at most as many as B2 rated.
      results.push(await withPeakRss(() => runB3(pool, { seed: SEED, events: Math.min(DEFAULTS.b3Events, Math.max(1, b2Subjects - 5)) })));
    }
    if (only.has('B7')) {
      // After B3, for the same reason (its pipeline refreshes the lists and the export of the subjects it touches;
      // it keeps off B3's subjects). On B2's data: the latest Art.40 decisions, made ready through the services.
      results.push(await withPeakRss(() => runB7(pool, { revocations: DEFAULTS.b7Revocations, asOf: AS_OF })));
    }
  } finally {
    // What was measured is reported even when a later benchmark failed.
    if (results.length > 0) {
      printReport(results, [
        `Benchmarks ${results.map((r) => r.id).join(', ')} (quality.md) — BENCH_SCALE=${scale}, seed ${SEED}, Node ${process.version}`,
        server,
      ]);
      writeResults(RESULTS_FILE, results);
      progress(`results written to bench/results.json; whole run ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await pool.end();
  }
  const failed = failedIds(results);
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
