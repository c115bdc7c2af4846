import { loadConfig } from '@app/config';
import { IsoDate, maskResidentId, RecordEventItem } from '@app/credit';
import { Prng } from '@app/demo';
import { DateWindow } from '@app/demo/generate/date-window';
import { EventDrafts } from '@app/demo/generate/event-drafts';
import { generateInsuredEvents } from '@app/demo/generate/generate-insured-events';
import { generateInsuredPersons } from '@app/demo/generate/generate-insured-persons';
import { generatePractitionerEvents } from '@app/demo/generate/generate-practitioner-events';
import { generatePractitioners } from '@app/demo/generate/generate-practitioners';
import { PersonProfile } from '@app/demo/generate/person-profile';
import { ResidentIdFactory } from '@app/demo/generate/resident-id-factory';
import { ResidentIdCipher } from '@app/registry';
import { Pool } from 'mysql2/promise';
import { EVENT_COLUMNS, eventRow, insertRows } from './load-data';

export interface PersonDataSpec {
  seed: number;
  practitioners: number;
  practitionerEvents: number;
  insuredPersons: number;
  insuredEvents: number;
  today: IsoDate;
  years: number;
}

export interface LoadedPersons {
  practitioners: number;
  insuredPersons: number;
  events: number;
  loadMs: number;
}

const SLICE_PERSONS = 20_000;
// Prng streams above load-data's organisations (100 + 2·slice) and B1's (300+).
const STREAM_BASE = 1_000;
// Source references are suffixed with a number past any organisation slice's, so they never collide.
const REF_BASE = 100_000;
const PERSON_COLUMNS = [
  'id', 'type', 'name', 'resident_id_hmac', 'resident_id_enc', 'resident_id_masked', 'profession', 'profession_key', 'region_code', 'created_at', 'event_revision',
];

/**
 * Setup for B2, not measured: practitioners and insured persons with their events from the demo generator,
 * after the organisations (ids after theirs), written as the registry stores them (resident IDs encrypted
 * under the bench's keys, HMAC'd and masked) with raw multi-row INSERTs. Practitioners are generated without
 * an employer: employment is not an input of any rating, and their events then need no institution's case.
 */
export async function loadPersonData(pool: Pool, spec: PersonDataSpec): Promise<LoadedPersons> {
  const started = Date.now();
  const config = loadConfig();
  const cipher = new ResidentIdCipher(config.pii.encryptionKey, config.pii.hmacKey);
  const window = new DateWindow(spec.today, spec.years);
  const recordedAt = new Date(`${spec.today}T04:00:00.000Z`);
  const residentIds = new ResidentIdFactory();
  const [[state]] = (await pool.query('SELECT (SELECT COALESCE(MAX(id), 0) FROM subjects) AS s, (SELECT COALESCE(MAX(id), 0) FROM events) AS e')) as unknown as [
    { s: string; e: string }[],
  ];
  let nextSubject = Number(state.s) + 1;
  let nextEvent = Number(state.e) + 1;
  let events = 0;
  const kinds = [
    { count: spec.practitioners, events: spec.practitionerEvents, practitioner: true },
    { count: spec.insuredPersons, events: spec.insuredEvents, practitioner: false },
  ];
  let slice = 0;
  const conns = [await pool.getConnection()];
  try {
    for (const kind of kinds) {
      for (let from = 0; from < kind.count; from += SLICE_PERSONS, slice++) {
        const to = Math.min(kind.count, from + SLICE_PERSONS);
        const budget = Math.round((kind.events * to) / kind.count) - Math.round((kind.events * from) / kind.count);
        const rng = new Prng(spec.seed, STREAM_BASE + 2 * slice);
        const persons: PersonProfile[] = kind.practitioner
          ? generatePractitioners(rng, { window, count: to - from, organisations: [], residentIds })
          : generateInsuredPersons(rng, window, to - from, residentIds);
        const drafts = new EventDrafts(window);
        const eventRng = new Prng(spec.seed, STREAM_BASE + 2 * slice + 1);
        if (kind.practitioner) generatePractitionerEvents(eventRng, window, persons, budget, drafts);
        else generateInsuredEvents(eventRng, window, persons, budget, drafts);
        const idByResidentId = new Map<string, number>();
        const subjectRows = persons.map((p) => {
          const id = nextSubject++;
          idByResidentId.set(p.residentId, id);
          const profession = p.item.profession ?? null;
          return [id, p.item.type, p.item.name, cipher.lookupHash(p.residentId), cipher.encrypt(p.residentId), maskResidentId(p.residentId), profession, profession ?? '', p.regionCode, recordedAt, 0];
        });
        const eventRows = drafts.finish().flatMap((e: RecordEventItem) => {
          const subjectId = e.residentId ? idByResidentId.get(e.residentId) : undefined;
          return subjectId === undefined ? [] : [eventRow(nextEvent++, subjectId, e, REF_BASE + slice, recordedAt)];
        });
        const perSubject = new Map<number, number>();
        for (const r of eventRows) perSubject.set(r[6] as number, (perSubject.get(r[6] as number) ?? 0) + 1);
        for (const r of subjectRows) r[10] = perSubject.get(r[0] as number) ?? 0;
        await insertRows(conns, 'subjects', PERSON_COLUMNS, subjectRows);
        await insertRows(conns, 'events', EVENT_COLUMNS, eventRows);
        events += eventRows.length;
      }
    }
  } finally {
    for (const c of conns) c.release();
  }
  await pool.query('ANALYZE TABLE subjects, events');
  return { practitioners: spec.practitioners, insuredPersons: spec.insuredPersons, events, loadMs: Date.now() - started };
}
