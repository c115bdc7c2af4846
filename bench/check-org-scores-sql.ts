// Checks B2's hand-written SQL (bench/sql/org-scores.sql) against libs/credit's rateOrganisation on adversarial
// data the demo generator rarely makes: same-day events, ids of different lengths (libs/credit orders ties by
// id as a number, "9" before "10"), decision numbers differing only in case, amounts and multiples on the
// boundaries, month-end dates, revoked and proposed events, recent and unknown agreement dates, several as-of dates.
// Not part of `npm run bench` (the bench compares with the service on realistic data); run it after changing
// the rules or the SQL:
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/check-org-scores-sql.ts [subjects] [seed]
import { CreditEvent, DEFAULT_RULE_SETS, rateOrganisation } from '@app/credit';
import { Prng } from '@app/demo';
import { toCreditEvent } from '@app/ratings/ratings/subject-events.reader';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, BENCH_DB, rawPool, recreateDatabase, startServices } from './bench-db';

const SQL = readFileSync(join(__dirname, 'sql', 'org-scores.sql'), 'utf8');
const TYPES = [
  'INTERVIEW', 'PAYMENT_DENIED', 'BREACH_FEE', 'PENALTY_ART39', 'PENALTY_ART38', 'AGREEMENT_SUSPENDED', 'PENALTY_ART40',
  'AGREEMENT_TERMINATED', 'POLICE_REFERRAL_CONFIRMED', 'ANNUAL_ASSESSMENT', 'CREDIT_COMMITMENT', 'COMMENDATION',
  'INVESTIGATION_HOLD', 'REPAIR_ACTIVITY',
];
const FREQUENT = ['INTERVIEW', 'PAYMENT_DENIED', 'PENALTY_ART38', 'BREACH_FEE'];
const STATUSES = ['FINAL', 'FINAL', 'FINAL', 'UNDER_APPEAL', 'PROPOSED', 'REVOKED', 'AMENDED'];
const DATES = [
  '2023-01-31', '2023-02-28', '2023-03-31', '2023-08-31', '2024-01-31', '2024-02-29', '2024-03-31', '2024-06-30',
  '2024-08-31', '2024-12-31', '2025-01-31', '2025-02-28', '2025-03-01', '2025-06-30', '2025-08-31', '2025-12-31',
  '2026-01-31', '2026-02-28', '2026-06-30', '2026-07-01',
];
const AS_OF = ['2024-03-31', '2025-02-28', '2025-12-31', '2026-02-28', '2026-06-30'];
const AMOUNTS = [null, 0, 999_999, 1_000_000, 1_999_999, 2_000_000, 44_999_999, 45_000_000, 46_000_000, 1_999_999_999];

async function main(): Promise<number> {
  const subjects = Number(process.argv[2] ?? 3000);
  const rng = new Prng(Number(process.argv[3] ?? 7), 1);
  startServices();
  const env = { ...benchEnv(), DB_NAME: `${BENCH_DB}_check` };
  await recreateDatabase(env);
  const pool = rawPool(env);
  try {
    const { subjectRows, eventRows } = adversarialData(rng, subjects);
    await pool.query('INSERT INTO subjects (id, type, name, credit_code, agreement_signed_on, created_at) VALUES ?', [subjectRows]);
    for (let i = 0; i < eventRows.length; i += 2000) {
      await pool.query(
        `INSERT INTO events (id, version, source_system, source_ref, input_hash, first_recorded_at, subject_id, type, status,
           decision_no, occurred_on, decided_on, amount_involved_fen, fine_multiple, suspension_days, self_reported,
           inspection_kind, assessment_result, recorded_by, recorded_at) VALUES ?`,
        [eventRows.slice(i, i + 2000)],
      );
    }
    // Read back the way the service reads them, so both sides see the driver's values.
    const [events] = (await pool.query(
      `SELECT subject_id, id, type, status, decision_no, occurred_on, decided_on, amount_involved_fen, fine_fen, fine_multiple,
              suspension_days, responsibility, self_reported, inspection_kind, assessment_result FROM events`,
    )) as unknown as [(Parameters<typeof toCreditEvent>[0] & { subject_id: string })[]];
    const bySubject = new Map<string, CreditEvent[]>();
    for (const e of events) bySubject.set(String(e.subject_id), [...(bySubject.get(String(e.subject_id)) ?? []), toCreditEvent(e)]);
    const [stored] = (await pool.query('SELECT id, type, agreement_signed_on FROM subjects')) as unknown as [
      { id: string; type: 'MEDICAL_INSTITUTION' | 'PHARMACY'; agreement_signed_on: string | null }[],
    ];

    let differences = 0;
    for (const asOf of AS_OF) {
      const [rows] = (await pool.query(SQL, [asOf])) as unknown as [{ subject_id: string; score: string; grade: string }[]];
      const sql = new Map(rows.map((r) => [String(r.subject_id), r]));
      for (const s of stored) {
        const want = rateOrganisation({
          ruleSet: DEFAULT_RULE_SETS[s.type],
          events: bySubject.get(String(s.id)) ?? [],
          asOf,
          subject: { agreementSignedOn: s.agreement_signed_on },
        });
        const got = sql.get(String(s.id));
        if (got && Number(got.score) === want.score && got.grade === want.grade) continue;
        if (differences++ < 5) {
          console.log(`as of ${asOf}, subject ${s.id}: libs/credit ${want.score} ${want.grade}, SQL ${got?.score} ${got?.grade}`);
          console.log(`  ${JSON.stringify(want.explanation)}`);
        }
      }
    }
    console.log(`${subjects} subjects × ${AS_OF.length} as-of dates, ${eventRows.length} events: ${differences} difference(s)`);
    return differences === 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
}

function adversarialData(rng: Prng, subjects: number): { subjectRows: unknown[][]; eventRows: unknown[][] } {
  const now = new Date();
  const usedIds = new Set<number>();
  // Ids of 1 to 6 digits, so that same-day events often sort differently as strings and as numbers (both sides
  // must order them as numbers).
  const newId = (): number => {
    for (;;) {
      const digits = rng.int(1, 6);
      const id = rng.int(10 ** (digits - 1), 10 ** digits - 1);
      if (!usedIds.has(id)) return usedIds.add(id), id;
    }
  };
  const subjectRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  for (let s = 1; s <= subjects; s++) {
    const signed = rng.chance(0.15) ? null : rng.pick([...DATES, '2020-01-01', '2025-12-31', '2026-01-01']);
    subjectRows.push([s, rng.chance(0.5) ? 'MEDICAL_INSTITUTION' : 'PHARMACY', `s${s}`, `BENCHCHECK${String(s).padStart(8, '0')}`, signed, now]);
    const days = Array.from({ length: rng.int(1, 4) }, () => rng.pick(DATES)); // few days: many same-day events
    for (let j = rng.int(0, 14); j > 0; j--) {
      const day = rng.chance(0.7) ? rng.pick(days) : rng.pick(DATES);
      eventRows.push([
        newId(), 1, 'CHECK', `${s}-${j}`, '0'.repeat(64), now, s,
        rng.chance(0.7) ? rng.pick(FREQUENT) : rng.pick(TYPES),
        rng.pick(STATUSES),
        rng.pick([null, '', 'A', 'B', 'C', 'a']), // 'a' and 'A' are different cases, as in libs/credit
        day, day,
        rng.pick(AMOUNTS),
        rng.pick([null, '1.000', '1.499', '1.500', '2.000']),
        rng.chance(0.2) ? rng.int(1, 400) : null,
        rng.chance(0.2) ? 1 : 0,
        rng.pick([null, 'FLIGHT', 'ROUTINE', 'FLIGHT']),
        rng.pick([null, 'EXCELLENT', 'GOOD', 'PASS', 'FAIL']),
        'check', now,
      ]);
    }
  }
  return { subjectRows, eventRows };
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
