import { AuditModule } from '@app/audit';
import { ConfigModule } from '@app/config';
import { DEFAULT_RULE_SETS, SubjectType } from '@app/credit';
import { DatabaseModule } from '@app/database';
import { FullRescoreProgress, FullRescoreService, RatingsModule } from '@app/ratings';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { LoadedData } from './load-data';
import { LoadedPersons } from './load-persons';
import { BenchResult, progress, timed } from './report';

/** The service's own modules, nothing else: no HTTP, no queue. */
@Module({ imports: [ConfigModule, DatabaseModule, AuditModule, RatingsModule] })
class FullRescoreBenchModule {}

const ORG_TYPES = [SubjectType.MEDICAL_INSTITUTION, SubjectType.PHARMACY] as const;
const SQL = readFileSync(join(__dirname, 'sql', 'org-scores.sql'), 'utf8');
const SHOW_DIFFERENCES = 5;

interface ScoreRow {
  subject_id: string;
  score: string | number;
  grade: string | null;
}

interface Comparison {
  count: number;
  shown: string[];
}

/**
 * B2 (quality.md): full rescore of every subject through FullRescoreService.run, against one hand-written SQL
 * aggregation computing the same scores. The stored rule sets are first checked to be the ones the SQL
 * encodes. Order: baseline, service (first run: every rating new), baseline again (the ratio uses the mean of
 * the two, so drift on a shared machine hits both sides), then a second service run as of the same day
 * (nothing changes: the nightly steady state), shown as a detail. Score and grade are compared for every
 * subject after each service run.
 */
export async function runB2(pool: Pool, data: LoadedData, asOf: string, persons: LoadedPersons | null = null): Promise<BenchResult> {
  await assertRuleSetsAsEncoded(pool, asOf);
  const baseline1 = await runBaseline(pool, asOf, 1);
  const expected = new Map(baseline1.value.map((r) => [String(r.subject_id), r]));

  const app = await NestFactory.createApplicationContext(FullRescoreBenchModule, { logger: ['error', 'warn'] });
  try {
    const first = await runService(app, asOf, 'first run', data.subjects);
    const afterFirst = await compare(pool, expected);
    const personsRated = await countPersonRatings(pool);
    const baseline2 = await runBaseline(pool, asOf, 2);
    const afterBaseline2 = sameRows(baseline1.value, baseline2.value);
    const second = await runService(app, asOf, 'second run', data.subjects);
    const afterSecond = await compare(pool, expected);

    const baselineMs = (baseline1.ms + baseline2.ms) / 2;
    const personsMissing = persons ? persons.practitioners + persons.insuredPersons - personsRated : 0;
    const personsText = personsMissing === 0 ? [] : [`${personsMissing} practitioners or insured persons left without a rating`];
    // Subjects are rated in id order, organisations first: the run's time until they were done is what the
    // organisations-only SQL is compared with; the persons' part is reported as their share of the whole run.
    const orgMs = persons ? first.orgsMs : first.ms;
    const differences = [...personsText, ...afterFirst.shown, ...afterBaseline2.shown, ...afterSecond.shown.map((d) => `after the second run: ${d}`)];
    return {
      id: 'B2',
      title: 'full rescore of every subject',
      sizes: [
        `${data.subjects} subjects (MEDICAL_INSTITUTION + PHARMACY), ${data.events} events, as of ${asOf}`,
        ...(persons
          ? [`and rated in the same run: ${persons.practitioners} practitioners and ${persons.insuredPersons} insured persons with ${persons.events} events (not in the SQL)`]
          : []),
        `events per subject: median ${data.medianEvents}, p99 ${data.p99Events}, max ${data.maxEvents}; ${data.withoutEvents} subjects without events`,
      ],
      baseline: { label: 'one SQL aggregation (mysql2, bench/sql/org-scores.sql), all rows fetched; mean of 2 runs', ms: baselineMs },
      service: {
        label: persons
          ? 'FullRescoreService.run({ asOf }), first run (every rating new, + history, notifications): time until the organisations were rated'
          : 'FullRescoreService.run({ asOf }), first run: every rating new (+ history, notifications)',
        ms: orgMs,
      },
      size: `${data.subjects} organisations, ${data.events} events${persons ? ` (+${persons.practitioners + persons.insuredPersons} persons, ${persons.events} events)` : ''}`,
      runs: { baseline: [baseline1.ms, baseline2.ms], service: [orgMs] },
      details: [
        `baseline runs ${seconds(baseline1.ms)} and ${seconds(baseline2.ms)}`,
        `service first run: ${first.value.done} subjects, ${first.value.changed} ratings changed, ${perSecond(first.value.done, first.ms)} subjects/s`,
        ...(persons
          ? [
              `all subject types: ${seconds(first.ms)} for the whole run, of which practitioners and insured persons ${seconds(first.ms - first.orgsMs)} ` +
                `(${Math.round((100 * (first.ms - first.orgsMs)) / first.ms)} % of the time, ${Math.round((100 * (persons.practitioners + persons.insuredPersons)) / first.value.done)} % of the subjects); ` +
                `whole run ${(first.ms / baselineMs).toFixed(2)}× the organisations' SQL`,
            ]
          : []),
        `service second run as of the same day (nothing changes): ${seconds(second.ms)}, ${second.value.changed} changed, ` +
          `${(second.ms / baselineMs).toFixed(2)}× the baseline`,
        `grades: ${gradeCounts(baseline1.value)}`,
      ],
      ratio: orgMs / baselineMs,
      target: 2,
      targetText: '≤ 2× the baseline time',
      differences: differences.slice(0, SHOW_DIFFERENCES),
      differenceCount: personsText.length + afterFirst.count + afterBaseline2.count + afterSecond.count,
      notes: [
        persons
          ? "the scores compared are the organisations' (the practitioner 12-point cycle and the insured persons' rules are not reproduced in SQL); persons are checked to have a rating each"
          : 'data set restricted to institutions and pharmacies: the practitioner 12-point cycle is not reproduced in SQL',
        'the baseline reads and returns scores only; the service also writes ratings, history and notifications, committing each chunk durably',
      ],
    };
  } finally {
    await app.close();
  }
}

/**
 * MariaDB 10.11 once failed this statement on dropping one of its own on-disk temporary tables ("Error on
 * delete of '/tmp/#sql-temptable-….MAI'", errno 2) in a full-size run: a server-side fault, not the query's,
 * so it is retried once, and said so.
 */
async function runBaseline(pool: Pool, asOf: string, n: number): Promise<{ ms: number; value: ScoreRow[] }> {
  progress(`B2 baseline run ${n}: one SQL aggregation over events`);
  const once = (): Promise<{ ms: number; value: ScoreRow[] }> => timed(async () => (await pool.query(SQL, [asOf]))[0] as ScoreRow[]);
  let result: { ms: number; value: ScoreRow[] };
  try {
    result = await once();
  } catch (e) {
    if (!/#sql-temptable|Errcode/.test(String(e))) throw e;
    progress(`B2 baseline run ${n}: the server failed on a temporary table (${String(e).slice(0, 160)}); retrying once`);
    result = await once();
  }
  progress(`B2 baseline run ${n}: ${result.value.length} scores in ${seconds(result.ms)}`);
  return result;
}

async function runService(
  app: INestApplicationContext,
  asOf: string,
  label: string,
  organisations: number,
): Promise<{ ms: number; orgsMs: number; value: FullRescoreProgress }> {
  progress(`B2 service ${label}: FullRescoreService.run in a Nest application context`);
  const rescore = app.get(FullRescoreService);
  let reported = 0;
  const t0 = performance.now();
  let orgsMs = 0;
  const result = await timed(() =>
    rescore.run({
      asOf,
      onProgress: (p) => {
        if (orgsMs === 0 && p.done >= organisations) orgsMs = performance.now() - t0;
        if (p.done >= reported + p.total / 5 || p.done === p.total) {
          reported = p.done;
          progress(`B2 service ${label}: ${p.done}/${p.total} subjects rated`);
        }
      },
    }),
  );
  progress(`B2 service ${label}: ${result.value.done} subjects in ${seconds(result.ms)} (organisations done after ${seconds(orgsMs)})`);
  return { ...result, orgsMs };
}

/** The SQL hand-codes the version 1 defaults: refuse to compare against anything else. */
async function assertRuleSetsAsEncoded(pool: Pool, asOf: string): Promise<void> {
  const [rows] = (await pool.query('SELECT subject_type, version, effective_from, body FROM rule_sets WHERE subject_type IN (?)', [
    [...ORG_TYPES],
  ])) as unknown as [{ subject_type: SubjectType; version: number; effective_from: string; body: string | object }[]];
  for (const type of ORG_TYPES) {
    const mine = rows.filter((r) => r.subject_type === type);
    const body = mine.length === 1 ? (typeof mine[0].body === 'string' ? JSON.parse(mine[0].body) : mine[0].body) : null;
    const expected = JSON.parse(JSON.stringify(DEFAULT_RULE_SETS[type]));
    if (!isDeepStrictEqual(body, expected) || mine[0].effective_from > asOf) {
      throw new Error(`B2: the ${type} rule set in force is not the v1 default that bench/sql/org-scores.sql encodes; update the SQL`);
    }
  }
}

/** Every stored rating against the SQL's score and grade; the service's explanation is shown for the first differences. */
async function compare(pool: Pool, expected: ReadonlyMap<string, ScoreRow>): Promise<Comparison> {
  const [rows] = (await pool.query('SELECT r.subject_id, r.score, r.grade FROM ratings r JOIN subjects s ON s.id = r.subject_id WHERE s.type IN (?)', [
    [...ORG_TYPES],
  ])) as unknown as [ScoreRow[]];
  const stored = new Map(rows.map((r) => [String(r.subject_id), r]));
  const found: { id: string; text: string }[] = [];
  for (const [id, want] of expected) {
    const got = stored.get(id);
    stored.delete(id);
    if (!got) found.push({ id, text: `subject ${id}: no rating stored (SQL: ${want.score} ${want.grade})` });
    else if (Number(got.score) !== Number(want.score) || got.grade !== want.grade) {
      found.push({ id, text: `subject ${id}: service ${got.score} ${got.grade}, SQL ${want.score} ${want.grade}` });
    }
  }
  for (const extra of stored.values()) {
    found.push({ id: String(extra.subject_id), text: `subject ${extra.subject_id}: rated by the service (${extra.score} ${extra.grade}), not by the SQL` });
  }
  const shown: string[] = [];
  for (const f of found.slice(0, SHOW_DIFFERENCES)) {
    const [[row]] = (await pool.query('SELECT explanation FROM ratings WHERE subject_id = ?', [f.id])) as unknown as [[{ explanation: unknown }?]];
    const why = row ? (typeof row.explanation === 'string' ? row.explanation : JSON.stringify(row.explanation)) : '';
    shown.push(why ? `${f.text}; service explanation ${why.slice(0, 600)}` : f.text);
  }
  return { count: found.length, shown };
}

/** The two baseline runs must agree with each other too (the SQL is deterministic). */
function sameRows(a: readonly ScoreRow[], b: readonly ScoreRow[]): Comparison {
  const key = (r: ScoreRow): string => `${r.subject_id}:${Number(r.score)}:${r.grade}`;
  const left = new Set(a.map(key));
  const differing = b.filter((r) => !left.has(key(r)));
  const count = differing.length + Math.abs(a.length - b.length);
  return { count, shown: count === 0 ? [] : [`the two baseline runs differ (${count} rows), e.g. ${differing.slice(0, 2).map(key).join(', ')}`] };
}

function gradeCounts(rows: readonly ScoreRow[]): string {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.grade ?? 'null'] = (counts[r.grade ?? 'null'] ?? 0) + 1;
  return Object.entries(counts)
    .sort()
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function perSecond(n: number, ms: number): string {
  return Math.round(n / (ms / 1000)).toLocaleString('en');
}

async function countPersonRatings(pool: Pool): Promise<number> {
  const [[row]] = (await pool.query('SELECT COUNT(*) AS n FROM ratings r JOIN subjects s ON s.id = r.subject_id WHERE s.type NOT IN (?)', [
    [...ORG_TYPES],
  ])) as unknown as [[{ n: string | number }]];
  return Number(row.n);
}
