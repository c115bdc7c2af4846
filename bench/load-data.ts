import { IsoDate, RecordEventItem } from '@app/credit';
import { DemoSizes, Prng } from '@app/demo';
import { DateWindow } from '@app/demo/generate/date-window';
import { EventDrafts } from '@app/demo/generate/event-drafts';
import { generateOrganisationEvents } from '@app/demo/generate/generate-organisation-events';
import { generateOrganisations } from '@app/demo/generate/generate-organisations';
import { OrganisationProfile } from '@app/demo/generate/organisation-profile';
import { Pool, PoolConnection } from 'mysql2/promise';
import { percentile, progress } from './report';

export interface OrgDataSpec {
  seed: number;
  subjects: number;
  events: number;
  /** The generator's "today": no date after it. B2 rates as of this day. */
  today: IsoDate;
  years: number;
}

export interface LoadedData {
  subjects: number;
  events: number;
  /** The shape of the skew: events per subject. */
  withoutEvents: number;
  medianEvents: number;
  p99Events: number;
  maxEvents: number;
  loadMs: number;
}

// Generated and inserted a slice at a time, so memory stays flat at any BENCH_SCALE.
const SLICE_SUBJECTS = 20_000;
// Rows per multi-row INSERT: well under max_allowed_packet, big enough that round trips do not dominate.
const ROWS_PER_INSERT = 2_000;
// Institutions and pharmacies in the demo generator's proportion (demo-sizes.ts).
const INSTITUTION_SHARE = 0.6;
// Two writers keep the server busy while the other one's next statement is on the wire.
const LOAD_CONNECTIONS = 2;
// Prng streams above the demo generator's own (1–6), two per slice.
const STREAM_BASE = 100;

export const SUBJECT_COLUMNS = ['id', 'type', 'name', 'credit_code', 'region_code', 'agreement_signed_on', 'created_at', 'event_revision'];
export const EVENT_COLUMNS = [
  'id', 'version', 'source_system', 'source_ref', 'input_hash', 'first_recorded_at', 'subject_id', 'type', 'status',
  'legal_basis', 'decision_no', 'authority', 'region_code', 'occurred_on', 'decided_on', 'amount_involved_fen',
  'fine_fen', 'fine_multiple', 'suspension_days', 'responsibility', 'self_reported', 'inspection_kind',
  'assessment_result', 'recorded_by', 'recorded_at',
];

/**
 * Setup, not measured: institutions and pharmacies with their events from the seeded demo generator (its
 * organisation and event-type mix, cases sharing a decision number, annual assessment notices, and the skewed
 * Zipf activity per subject), written straight into `subjects` and `events` with raw multi-row INSERTs.
 * Practitioners and insured persons are not generated: B2's SQL baseline covers the organisation rules only.
 *
 * The generator is driven slice by slice with its own building blocks (the public generateDemoData ties the
 * event count to its fixed mix of subject kinds); each slice has its own Prng streams, so the data depends only
 * on the seed and the sizes. Subject and event ids are given explicitly, so no read-back is needed.
 */
export async function loadOrgData(pool: Pool, spec: OrgDataSpec): Promise<LoadedData> {
  const started = Date.now();
  const window = new DateWindow(spec.today, spec.years);
  const recordedAt = new Date(`${spec.today}T04:00:00.000Z`);
  const issuedCodes = new Set<string>();
  const eventsPerSubject: number[] = [];
  let nextSubjectId = 1;
  let nextEventId = 1;
  const conns = await Promise.all(Array.from({ length: LOAD_CONNECTIONS }, () => pool.getConnection()));
  try {
    // Setup only: the rows are generated unique, so skip the unique-index reads that slow a bulk load.
    for (const c of conns) await c.query('SET SESSION unique_checks = 0');
    const slices = Math.ceil(spec.subjects / SLICE_SUBJECTS);
    for (let slice = 0; slice < slices; slice++) {
      const from = slice * SLICE_SUBJECTS;
      const to = Math.min(spec.subjects, from + SLICE_SUBJECTS);
      const budget = Math.round((spec.events * to) / spec.subjects) - Math.round((spec.events * from) / spec.subjects);
      const { organisations, events } = generateSlice(spec, window, slice, to - from, budget);

      // A credit code drawn again in a later slice (about one in a billion per pair) would break the unique
      // index: that organisation and its events are left out, deterministically.
      const idByCode = new Map<string, number>();
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e.creditCode!, (counts.get(e.creditCode!) ?? 0) + 1);
      const subjectRows: unknown[][] = [];
      for (const o of organisations) {
        if (issuedCodes.has(o.creditCode)) continue;
        issuedCodes.add(o.creditCode);
        const id = nextSubjectId++;
        idByCode.set(o.creditCode, id);
        const n = counts.get(o.creditCode) ?? 0;
        eventsPerSubject.push(n);
        subjectRows.push([id, o.type, o.item.name, o.creditCode, o.regionCode, o.item.agreementSignedOn, recordedAt, n]);
      }
      const eventRows: unknown[][] = [];
      for (const e of events) {
        const subjectId = idByCode.get(e.creditCode!);
        if (subjectId === undefined) continue;
        eventRows.push(eventRow(nextEventId++, subjectId, e, slice, recordedAt));
      }
      await insertRows(conns, 'subjects', SUBJECT_COLUMNS, subjectRows);
      await insertRows(conns, 'events', EVENT_COLUMNS, eventRows);
      progress(`loaded slice ${slice + 1}/${slices}: ${nextSubjectId - 1} subjects, ${nextEventId - 1} events`);
    }
    for (const c of conns) await c.query('SET SESSION unique_checks = 1');
  } finally {
    for (const c of conns) c.release();
  }
  await pool.query('ANALYZE TABLE subjects, events');
  return {
    subjects: nextSubjectId - 1,
    events: nextEventId - 1,
    withoutEvents: eventsPerSubject.filter((n) => n === 0).length,
    medianEvents: percentile(eventsPerSubject, 50),
    p99Events: percentile(eventsPerSubject, 99),
    maxEvents: eventsPerSubject.reduce((a, b) => Math.max(a, b), 0),
    loadMs: Date.now() - started,
  };
}

export function generateSlice(
  spec: OrgDataSpec,
  window: DateWindow,
  slice: number,
  subjects: number,
  eventBudget: number,
): { organisations: OrganisationProfile[]; events: RecordEventItem[] } {
  const institutions = Math.max(1, Math.round(subjects * INSTITUTION_SHARE));
  const sizes: DemoSizes = {
    institutions,
    pharmacies: subjects - institutions,
    practitioners: 0,
    insuredPersons: 0,
    organisationEvents: eventBudget,
    practitionerEvents: 0,
    insuredEvents: 0,
  };
  const organisations = generateOrganisations(new Prng(spec.seed, STREAM_BASE + 2 * slice), window, sizes);
  const drafts = new EventDrafts(window);
  generateOrganisationEvents(new Prng(spec.seed, STREAM_BASE + 2 * slice + 1), window, organisations, eventBudget, drafts);
  return { organisations, events: drafts.finish() };
}

export function eventRow(id: number, subjectId: number, e: RecordEventItem, slice: number, recordedAt: Date): unknown[] {
  return [
    id,
    1,
    e.sourceSystem,
    // Each slice numbers its source references from 1 again: the slice keeps them unique.
    `${e.sourceRef}/${slice}`,
    // Ingest's hash of the normalized input; nothing reads it back here, but the column is NOT NULL.
    id.toString(16).padStart(64, '0'),
    recordedAt,
    subjectId,
    e.type,
    e.status ?? 'FINAL',
    e.legalBasis ?? null,
    e.decisionNo || null,
    e.authority ?? null,
    e.regionCode ?? null,
    e.occurredOn,
    e.decidedOn,
    e.amountInvolvedFen ?? null,
    e.fineFen ?? null,
    e.fineMultiple ?? null,
    e.suspensionDays ?? null,
    e.responsibility ?? null,
    e.selfReported ? 1 : 0,
    e.inspectionKind ?? null,
    e.assessmentResult ?? null,
    'bench',
    recordedAt,
  ];
}

/**
 * Multi-row INSERTs spread over the connections, one transaction per connection and call: the load is
 * setup, so it need not pay a durable commit per statement.
 */
export async function insertRows(conns: readonly PoolConnection[], table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const sql = `INSERT INTO \`${table}\` (${columns.join(', ')}) VALUES ?`;
  await Promise.all(
    conns.map(async (conn, k) => {
      await conn.beginTransaction();
      for (let i = k * ROWS_PER_INSERT; i < rows.length; i += conns.length * ROWS_PER_INSERT) {
        await conn.query(sql, [rows.slice(i, i + ROWS_PER_INSERT)]);
      }
      await conn.commit();
    }),
  );
}
