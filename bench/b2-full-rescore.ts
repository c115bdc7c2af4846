import { AuditModule } from '@app/audit';
import { ConfigModule } from '@app/config';
import { DEFAULT_RULE_SETS, SubjectType } from '@app/credit';
import { DatabaseModule } from '@app/database';
import { FullRescoreService, RatingsModule } from '@app/ratings';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LoadedData } from './load-data';
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

/**
 * B2 (quality.md): full rescore of every subject through FullRescoreService.run, against one hand-written SQL
 * aggregation computing the same scores. First the stored rule sets are checked to be the ones the SQL
 * encodes; then the baseline runs, then the service; then score and grade are compared for every subject.
 */
export async function runB2(pool: Pool, data: LoadedData, asOf: string): Promise<BenchResult> {
  await assertRuleSetsAsEncoded(pool, asOf);

  progress('B2 baseline: one SQL aggregation over events');
  const baseline = await timed(async () => (await pool.query(SQL, [asOf]))[0] as ScoreRow[]);
  progress(`B2 baseline: ${baseline.value.length} scores in ${(baseline.ms / 1000).toFixed(1)} s`);

  progress('B2 service: FullRescoreService.run in a Nest application context');
  const app = await NestFactory.createApplicationContext(FullRescoreBenchModule, { logger: ['error', 'warn'] });
  let service: { ms: number; value: { done: number; changed: number } };
  try {
    const rescore = app.get(FullRescoreService);
    let shown = 0;
    service = await timed(() =>
      rescore.run({
        asOf,
        onProgress: (p) => {
          if (p.done >= shown + p.total / 10 || p.done === p.total) {
            shown = p.done;
            progress(`B2 service: ${p.done}/${p.total} subjects rated`);
          }
        },
      }),
    );
  } finally {
    await app.close();
  }
  progress(`B2 service: ${service.value.done} subjects in ${(service.ms / 1000).toFixed(1)} s`);

  const [stored] = (await pool.query('SELECT subject_id, score, grade, explanation FROM ratings')) as unknown as [
    (ScoreRow & { explanation: unknown })[],
  ];
  const { count, shown } = compare(baseline.value, stored);
  const grades = gradeCounts(baseline.value);
  return {
    id: 'B2',
    title: 'full rescore of every subject',
    sizes: [
      `${data.subjects} subjects (MEDICAL_INSTITUTION + PHARMACY), ${data.events} events, as of ${asOf}`,
      `events per subject: median ${data.medianEvents}, p99 ${data.p99Events}, max ${data.maxEvents}; ${data.withoutEvents} subjects without events`,
    ],
    baseline: { label: 'one SQL aggregation (mysql2, bench/sql/org-scores.sql), rows fetched', ms: baseline.ms },
    service: { label: `FullRescoreService.run({ asOf }) (chunks of 1000, ratings + history + notifications written)`, ms: service.ms },
    details: [
      `service: ${service.value.done} subjects rated, ${service.value.changed} ratings written as changed, ${rate(service.value.done, service.ms)} subjects/s`,
      `grades: ${Object.entries(grades).map(([g, n]) => `${g} ${n}`).join(', ')}`,
    ],
    ratio: service.ms / baseline.ms,
    target: 2,
    targetText: '≤ 2× the baseline time',
    differences: shown,
    differenceCount: count,
    notes: [
      'data set restricted to institutions and pharmacies: the practitioner 12-point cycle is not reproduced in SQL',
      'the baseline only reads and returns scores; the service also writes ratings, history and notifications (durable commits)',
    ],
  };
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

function compare(expected: readonly ScoreRow[], actual: readonly (ScoreRow & { explanation: unknown })[]): { count: number; shown: string[] } {
  const stored = new Map(actual.map((r) => [String(r.subject_id), r]));
  const shown: string[] = [];
  let count = 0;
  const note = (text: string): void => {
    count++;
    if (shown.length < SHOW_DIFFERENCES) shown.push(text);
  };
  for (const want of expected) {
    const got = stored.get(String(want.subject_id));
    stored.delete(String(want.subject_id));
    if (!got) {
      note(`subject ${want.subject_id}: no rating stored (SQL: ${want.score} ${want.grade})`);
    } else if (Number(got.score) !== Number(want.score) || got.grade !== want.grade) {
      const why = typeof got.explanation === 'string' ? got.explanation : JSON.stringify(got.explanation);
      note(`subject ${want.subject_id}: service ${got.score} ${got.grade}, SQL ${want.score} ${want.grade}; service explanation ${why.slice(0, 600)}`);
    }
  }
  for (const extra of stored.values()) note(`subject ${extra.subject_id}: rated by the service (${extra.score} ${extra.grade}) but not by the SQL`);
  return { count, shown };
}

function gradeCounts(rows: readonly ScoreRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.grade ?? 'null'] = (counts[r.grade ?? 'null'] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

function rate(n: number, ms: number): string {
  return Math.round(n / (ms / 1000)).toLocaleString('en');
}
