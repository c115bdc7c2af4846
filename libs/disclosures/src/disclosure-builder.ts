import { ExportEventRow, exportEventFromRow } from '@app/exports/export-event-row';
import { AppConfig } from '@app/config';
import {
  addDays,
  DisclosureEvent,
  DisclosureItem,
  DisclosureKind,
  DisclosureListEntry,
  DisclosurePeriod,
  DisclosureSubject,
  EventStatus,
  EventType,
  ExportSettings,
  penaltyNoticeItem,
  Profession,
  RegionStatistics,
  shanghaiStartOfDay,
  SubjectType,
  SUMMARY_MEASURES,
  supervisionSummaryItem,
  terminatedInstitutionItem,
  typicalCaseItems,
  validateResidentId,
  listPublicationItem,
} from '@app/credit';
import { ResidentIdCipher } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BuiltItem, builtItem, LineArena } from './disclosure-snapshot';
import { streamRows } from './stream-rows';

// Rows per page of events (and subjects per IN list): 10,000 halves the round trips of 2,000 at no memory concern.
const CHUNK = 10_000;
const IN_FORCE = [EventStatus.FINAL, EventStatus.UNDER_APPEAL];
const PENALTY_TYPES = [EventType.PENALTY_ART38, EventType.PENALTY_ART39, EventType.PENALTY_ART40, EventType.INSURED_FRAUD, EventType.LICENCE_REVOKED];
/** Severe whatever the case (libs/credit isSeverePenalty): their items never need the subject's police referrals. */
const SEVERE_BY_TYPE = [EventType.PENALTY_ART40, EventType.INSURED_FRAUD, EventType.LICENCE_REVOKED];

interface EventRow extends ExportEventRow {
  id: string | number;
  subject_id: string | number;
  region_code: string | null;
  inspection_kind: string | null;
}

/** A penalty decision with its subject's columns and the subject's police-referral decision numbers (JSON). */
interface PenaltyRow extends EventRow {
  s_type: SubjectType;
  s_name: string | null;
  s_credit_code: string | null;
  s_region_code: string | null;
  s_profession: Profession | null;
  s_resident_id_enc: Buffer | null;
  referral_nos: string[] | string | null;
  /**
   * 1 when the decision's publication ended by credit repair (信用修复, 发改委令第36号): the approval withdraws it
   * from the penalty export as REPAIRED for good (libs/exports keeps that row even for a decision never
   * exported), and so from every later version of the penalty notice.
   */
  repaired: number | string;
}

interface SubjectRow {
  id: string | number;
  type: SubjectType;
  name: string | null;
  credit_code: string | null;
  region_code: string | null;
  profession: Profession | null;
  resident_id_enc: Buffer | null;
}

const EVENT_COLUMNS =
  'e.id, e.subject_id, e.type, e.status, e.decision_no, e.legal_basis, e.authority, e.region_code, e.decided_on, e.fine_fen, e.fine_multiple, e.amount_involved_fen, e.suspension_days, e.inspection_kind';

/** A region filter: '120000' (province) matches every code starting '12', '120100' every code starting '1201'. */
export function regionPrefix(regionCode: string): string {
  return regionCode.replace(/(00)+$/, '');
}

/**
 * Reads stored events, ratings and list entries for one kind and period and builds the masked items (libs/credit
 * rules). Masking and exclusions happen here, when the snapshot is built: the resident ID is decrypted only to
 * tell a minor, and neither it nor its masked form goes into an item.
 */
@Injectable()
export class DisclosureBuilder {
  private readonly settings: ExportSettings;

  constructor(
    private readonly cipher: ResidentIdCipher,
    config: AppConfig,
  ) {
    const c = config.penaltyExport;
    this.settings = { authorityCodes: c.authorityCodes, dataSource: c.dataSource };
  }

  /** The items, each serialised once to its canonical line (see BuiltItem), in no particular order. */
  async build(em: EntityManager, kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null): Promise<BuiltItem[]> {
    const prefix = regionCode ? regionPrefix(regionCode) : '';
    const arena = new LineArena();
    const built = (item: DisclosureItem): BuiltItem => builtItem(item, arena);
    let items: BuiltItem[];
    switch (kind) {
      case DisclosureKind.PENALTY_NOTICE:
        items = await this.penaltyNotices(em, period, arena);
        break;
      case DisclosureKind.TYPICAL_CASES:
        items = (await this.typicalCases(em, period)).map(built);
        break;
      case DisclosureKind.TERMINATED_INSTITUTIONS:
        items = (await this.terminated(em, period)).map(built);
        break;
      case DisclosureKind.LIST_PUBLICATION:
        items = (await this.listPublication(em, period)).map(built);
        break;
      case DisclosureKind.SUPERVISION_SUMMARY:
        items = (await this.summary(em, period)).map(built);
        break;
    }
    return prefix === '' ? items : items.filter((i) => (i.regionCode ?? '').startsWith(prefix));
  }

  /** Events of the given types decided in the period, in id order, chunk by chunk. */
  private async *eventsIn(em: EntityManager, period: DisclosurePeriod, types: EventType[]): AsyncGenerator<EventRow[]> {
    for (let after = '0'; ; ) {
      const rows: EventRow[] = await em.query(
        `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.decided_on BETWEEN ? AND ? AND e.type IN (?) AND e.status IN (?) AND e.id > ? ORDER BY e.id LIMIT ?`,
        [period.from, period.to, types, IN_FORCE, after, CHUNK],
      );
      if (rows.length === 0) return;
      yield rows;
      after = String(rows[rows.length - 1].id);
    }
  }

  private async subjects(em: EntityManager, ids: readonly string[]): Promise<Map<string, DisclosureSubject>> {
    const out = new Map<string, DisclosureSubject>();
    if (ids.length === 0) return out;
    const rows: SubjectRow[] = await em.query('SELECT id, type, name, credit_code, region_code, profession, resident_id_enc FROM subjects WHERE id IN (?)', [[...new Set(ids)]]);
    for (const r of rows) {
      out.set(String(r.id), {
        id: String(r.id),
        type: r.type,
        name: r.name,
        creditCode: r.credit_code,
        regionCode: r.region_code,
        profession: r.profession,
        maskedResidentId: null,
        birthDate: r.resident_id_enc ? this.birthDateOf(r.resident_id_enc) : null,
      });
    }
    return out;
  }

  /** From the decrypted ID, never kept; unreadable → null (the person is withheld). */
  private birthDateOf(enc: Buffer): string | null {
    try {
      const checked = validateResidentId(this.cipher.decrypt(enc));
      return checked.ok ? checked.birthDate : null;
    } catch {
      return null;
    }
  }

  /** Decision numbers of the subjects' in-force events of a type (police referrals, fraud penalties). */
  private async decisionNos(em: EntityManager, subjectIds: readonly string[], type: EventType): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (subjectIds.length === 0) return out;
    const rows: { subject_id: string | number; decision_no: string }[] = await em.query(
      'SELECT subject_id, decision_no FROM events WHERE subject_id IN (?) AND type = ? AND status IN (?) AND decision_no IS NOT NULL',
      [[...new Set(subjectIds)], type, IN_FORCE],
    );
    for (const r of rows) {
      const key = String(r.subject_id);
      out.set(key, (out.get(key) ?? new Set()).add(r.decision_no.trim()));
    }
    return out;
  }

  /**
   * The period's penalty decisions in one statement, streamed (see stream-rows.ts): each decision joined with
   * its subject (the ID decrypted for the minors rule), the subject's police-referral decision numbers (a
   * correlated lookup, NULL for nearly all, on the (subject, type) index: named, because the optimizer takes a
   * subject's events as about one row and picks the (subject, date) index, which reads every event of the
   * subject and cost twice the server time) and whether credit repair withdrew it (a lookup
   * on penalty_exports' primary key). The lookup is skipped for the types severe by themselves (isSeverePenalty
   * never reads the referrals for them): about a third of the rows, and the lookup is most of the statement's
   * server time. Each row becomes its item, serialised at once, while the server produces the next rows: no
   * pages (whose round trips and waits added up) and no collected result set living through garbage collections.
   * In id order, so the items' keys mostly come in canonical order already (the snapshot then needs no sort).
   */
  private async penaltyNotices(em: EntityManager, period: DisclosurePeriod, arena: LineArena): Promise<BuiltItem[]> {
    const items: BuiltItem[] = [];
    const none = new Set<string>();
    await streamRows<PenaltyRow>(
      em,
      `SELECT ${EVENT_COLUMNS}, s.type AS s_type, s.name AS s_name, s.credit_code AS s_credit_code, s.region_code AS s_region_code,
              s.profession AS s_profession, s.resident_id_enc AS s_resident_id_enc,
              CASE WHEN e.type IN (?) THEN NULL ELSE (SELECT JSON_ARRAYAGG(p.decision_no) FROM events p FORCE INDEX (ix_events_subject_type)
                WHERE p.subject_id = e.subject_id AND p.type = ? AND p.status IN (?) AND p.decision_no IS NOT NULL) END AS referral_nos,
              EXISTS (SELECT 1 FROM penalty_exports x WHERE x.event_id = e.id AND x.withdrawal_reason = 'REPAIRED') AS repaired
         FROM events e JOIN subjects s ON s.id = e.subject_id
        WHERE e.decided_on BETWEEN ? AND ? AND e.type IN (?) AND e.status IN (?) ORDER BY e.id`,
      [SEVERE_BY_TYPE, EventType.POLICE_REFERRAL_CONFIRMED, IN_FORCE, period.from, period.to, PENALTY_TYPES, IN_FORCE],
      (r) => {
        if (Number(r.repaired)) return;
        const s = this.penaltySubject(r);
        // Asked only where it can matter (see the statement); the same numbers on every row of the subject that asks.
        const referrals = r.referral_nos === null ? none : referralNos(r.referral_nos);
        const item = penaltyNoticeItem(disclosureEvent(r), s, this.settings, { policeReferralDecisionNos: referrals });
        // Serialised at once: the item object dies young (a scavenge), only its line and columns stay.
        if (item) items.push(builtItem(item, arena));
      },
    );
    return items;
  }

  private penaltySubject(r: PenaltyRow): DisclosureSubject {
    return {
      id: String(r.subject_id),
      type: r.s_type,
      name: r.s_name,
      creditCode: r.s_credit_code,
      regionCode: r.s_region_code,
      profession: r.s_profession,
      maskedResidentId: null,
      birthDate: r.s_resident_id_enc ? this.birthDateOf(r.s_resident_id_enc) : null,
    };
  }

  private async terminated(em: EntityManager, period: DisclosurePeriod): Promise<DisclosureItem[]> {
    const items: DisclosureItem[] = [];
    for await (const rows of this.eventsIn(em, period, [EventType.AGREEMENT_TERMINATED])) {
      const ids = rows.map((r) => String(r.subject_id));
      const subjects = await this.subjects(em, ids);
      const referrals = await this.decisionNos(em, ids, EventType.POLICE_REFERRAL_CONFIRMED);
      const fraud = await this.decisionNos(em, ids, EventType.PENALTY_ART40);
      for (const r of rows) {
        const s = subjects.get(String(r.subject_id));
        if (!s) continue;
        const item = terminatedInstitutionItem(disclosureEvent(r), s, { policeReferralDecisionNos: referrals.get(s.id) ?? new Set(), fraudDecisionNos: fraud.get(s.id) ?? new Set() });
        if (item) items.push(item);
      }
    }
    return items;
  }

  private async typicalCases(em: EntityManager, period: DisclosurePeriod): Promise<DisclosureItem[]> {
    const bySubject = new Map<string, DisclosureEvent[]>();
    for await (const rows of this.eventsIn(em, period, Object.values(EventType))) {
      for (const r of rows) {
        if (r.decision_no === null) continue;
        const key = String(r.subject_id);
        bySubject.set(key, [...(bySubject.get(key) ?? []), disclosureEvent(r)]);
      }
    }
    const items: DisclosureItem[] = [];
    const ids = [...bySubject.keys()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const subjects = await this.subjects(em, ids.slice(i, i + CHUNK));
      for (const [id, s] of subjects) items.push(...typicalCaseItems(bySubject.get(id)!, s, period.from, period.to));
    }
    return items;
  }

  private async listPublication(em: EntityManager, period: DisclosurePeriod): Promise<DisclosureItem[]> {
    const items: DisclosureItem[] = [];
    for (let after = '0'; ; ) {
      const rows: { id: string | number; entry_id: string; list: DisclosureListEntry['list']; subject_id: string | number; event_id: string | number | null; reason_code: string; legal_basis: string | null; effective_from: string; planned_end: string | null }[] =
        await em.query(
          `SELECT id, entry_id, list, subject_id, event_id, reason_code, legal_basis, effective_from, planned_end FROM list_entries
            WHERE list IN ('SEVERE_DISHONESTY', 'GOOD_CONDUCT') AND status = 'ACTIVE' AND entry_id IS NOT NULL AND effective_from <= ? AND id > ? ORDER BY id LIMIT ?`,
          [period.to, after, CHUNK],
        );
      if (rows.length === 0) break;
      const subjects = await this.subjects(em, rows.map((r) => String(r.subject_id)));
      for (const r of rows) {
        const s = subjects.get(String(r.subject_id));
        if (!s) continue;
        const item = listPublicationItem(
          { entryId: r.entry_id, list: r.list, eventId: r.event_id === null ? null : String(r.event_id), reasonCode: r.reason_code, legalBasis: r.legal_basis, effectiveFrom: r.effective_from, plannedEnd: r.planned_end },
          s,
        );
        if (item) items.push(item);
      }
      after = String(rows[rows.length - 1].id);
    }
    return items;
  }

  /** Counts and sums per region (the event's region, else the subject's): statistics, no persons. */
  private async summary(em: EntityManager, period: DisclosurePeriod): Promise<DisclosureItem[]> {
    const regions = new Map<string, RegionStatistics & { inspected: Set<string>; handled: Set<string> }>();
    const region = (code: string) => {
      let r = regions.get(code);
      if (!r) {
        r = { regionCode: code, institutionsInspected: 0, institutionsHandled: 0, handledByMeasure: {}, recoveredFen: 0n, finedFen: 0n, subjectsByGrade: {}, inspected: new Set(), handled: new Set() };
        regions.set(code, r);
      }
      return r;
    };
    const rows: { region: string; subject_id: string | number; organisation: number; type: EventType; inspection_kind: string | null; fine_fen: string | null; amount_involved_fen: string | null }[] = await em.query(
      `SELECT COALESCE(e.region_code, s.region_code, '') AS region, e.subject_id, s.type IN ('MEDICAL_INSTITUTION', 'PHARMACY') AS organisation, e.type, e.inspection_kind, e.fine_fen, e.amount_involved_fen
         FROM events e JOIN subjects s ON s.id = e.subject_id
        WHERE e.decided_on BETWEEN ? AND ? AND e.status IN (?)`,
      [period.from, period.to, IN_FORCE],
    );
    for (const e of rows) {
      const r = region(e.region);
      const subject = String(e.subject_id);
      if (Number(e.organisation) && e.inspection_kind) r.inspected.add(subject);
      const measure = SUMMARY_MEASURES[e.type];
      if (measure) {
        if (Number(e.organisation)) r.handled.add(subject);
        r.handledByMeasure[measure] = (r.handledByMeasure[measure] ?? 0) + 1;
      }
      if (e.type === EventType.PAYMENT_DENIED && e.amount_involved_fen !== null) r.recoveredFen += BigInt(e.amount_involved_fen);
      if (e.type === EventType.BREACH_FEE && e.fine_fen !== null) r.recoveredFen += BigInt(e.fine_fen);
      if (PENALTY_TYPES.includes(e.type) && e.fine_fen !== null) r.finedFen += BigInt(e.fine_fen);
    }
    for (const g of await gradesAtPeriodEnd(em, period)) region(g.region).subjectsByGrade[g.grade] = Number(g.n);
    return [...regions.values()]
      .filter((r) => r.regionCode !== '')
      .map((r) => supervisionSummaryItem({ ...r, institutionsInspected: r.inspected.size, institutionsHandled: r.handled.size }, period.to));
  }
}

/**
 * Subjects by grade and region at the end of the period, as the service had rated them by then: each subject's
 * last rating-history row (the history is append-only and written on every change) before the first instant of
 * the day after the period. A re-run of a past half-year therefore counts the same grades whatever was rescored
 * since, and never makes a new version for that reason alone.
 */
async function gradesAtPeriodEnd(em: EntityManager, period: DisclosurePeriod): Promise<{ region: string; grade: string; n: string | number }[]> {
  return em.query(
    `SELECT COALESCE(s.region_code, '') AS region, h.grade, COUNT(*) AS n
       FROM (SELECT subject_id, MAX(seq) AS seq FROM rating_history WHERE computed_at < ? GROUP BY subject_id) latest
       JOIN rating_history h ON h.seq = latest.seq
       JOIN subjects s ON s.id = h.subject_id
      WHERE h.grade IS NOT NULL
      GROUP BY region, h.grade`,
    [shanghaiStartOfDay(addDays(period.to, 1))],
  );
}

/** The export's mapping plus the disclosure's own columns (added in place: one object per row, no spread copy). */
function disclosureEvent(r: EventRow): DisclosureEvent {
  const e = exportEventFromRow(r) as DisclosureEvent;
  e.id = String(r.id);
  e.subjectId = String(r.subject_id);
  e.regionCode = r.region_code;
  e.inspectionKind = r.inspection_kind;
  return e;
}

/** The driver hands a JSON column over parsed; text only if a server types it otherwise. */
function referralNos(value: string[] | string): Set<string> {
  const nos = typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
  return new Set(nos.map((n) => n.trim()));
}
