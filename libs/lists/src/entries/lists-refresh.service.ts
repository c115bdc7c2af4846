import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import {
  CreditEvent,
  EventStatus,
  ListRules,
  listMemberships,
  objectionDeadline,
  RuleSet,
  RuleSetBySubjectType,
  shanghaiDate,
  SubjectType,
  WorkingDayCalendar,
} from '@app/credit';
import { retryingTransaction } from '@app/database';
import { readCreditEventsOf, ruleSetInForce, RuleSetsService } from '@app/ratings';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendListChanges } from './list-change-log';
import { DesiredEntry, reconcileSubjectLists } from './reconcile-subject-lists';
import { subjectIdentities, SubjectIdentity } from './subject-identity';
import { workingDayCalendar } from './working-days';

/** A subject whose events keep changing while its lists are refreshed is planned again, at most this often per run. */
const MAX_PASSES = 3;

interface Plan {
  subject: SubjectIdentity;
  desired: DesiredEntry[];
  revokedEventIds: Set<string>;
  rules: ListRules;
}

interface EventDetails {
  legal_basis: string | null;
  decision_no: string | null;
  authority: string | null;
}

/** The list rules inside a subject type's rule set (domain.md §5: rules as data, versioned with the rest). */
export function listRulesOf(ruleSet: RuleSet): ListRules {
  return ruleSet.lists;
}

/**
 * Keeps the lists in line with the events and ratings (architecture.md data flow: rating → lists): for each
 * subject, libs/credit says which lists it belongs on today and why; reconcileSubjectLists turns the difference
 * into entry changes and feed changes, committed together with their audit row. Run by the rescore job right
 * after the rating (so a revoked decision leaves the lists in the same processing run) and by the daily job for
 * what time alone changes. Idempotent: a second run for the same subject and day changes nothing.
 */
@Injectable()
export class ListsRefreshService {
  private readonly logger = new Logger(ListsRefreshService.name);
  private readonly calendar: WorkingDayCalendar;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.calendar = workingDayCalendar(config);
  }

  /** Returns how many feed changes the subjects' refresh produced. */
  async refreshSubjects(subjectIds: readonly string[], now = new Date()): Promise<number> {
    let changes = 0;
    let pending = [...subjectIds];
    // A subject whose events changed between reading and writing is planned again from fresh reads (an event's
    // transaction bumps its revision; a stale plan could bring back an entry a revocation just removed).
    for (let pass = 1; pending.length > 0 && pass <= MAX_PASSES; pass++) {
      const stale: string[] = [];
      for (const plan of await this.plan(pending, now)) {
        const made = await this.write(plan.subject, plan.desired, plan.revokedEventIds, now, plan.rules, plan.subject.eventRevision);
        if (made === null) stale.push(plan.subject.id);
        else changes += made;
      }
      pending = stale;
    }
    if (pending.length > 0) this.logger.warn({ subjects: pending.length }, 'events kept changing while refreshing lists; left for the next run');
    return changes;
  }

  /** What the rules give each subject today, from one read of their events and severe-list state. */
  private async plan(subjectIds: readonly string[], now: Date): Promise<Plan[]> {
    if (subjectIds.length === 0) return [];
    const today = shanghaiDate(now);
    const ruleSets = await this.ruleSets.bodies();
    const ruleSetOn = ((type: SubjectType, day: string) => ruleSetInForce(ruleSets, type, day)) as <S extends SubjectType>(type: S, day: string) => RuleSetBySubjectType[S];
    const subjects = await subjectIdentities(this.dataSource.manager, subjectIds);
    const events = await readCreditEventsOf(this.dataSource.manager, subjects.map((s) => s.id));
    const severe = await this.onSevereList(subjects.map((s) => s.id));
    const planned = subjects.map((subject) => {
      const own = events.get(subject.id) ?? [];
      // Grade E (D for insured persons) "on the severe list" means on it: confirmed, not repaired, and still
      // resting on a reason the rules give today (an entry about to expire this run no longer counts).
      const input = { subjectType: subject.type, ruleSetOn, events: own, asOf: today, subject: { agreementSignedOn: subject.agreementSignedOn } };
      let memberships = listMemberships({ ...input, onSevereList: false });
      const active = severe.get(subject.id);
      if (active && memberships.some((m) => active.has(`${m.reasonCode}:${m.eventId ?? '-'}`))) {
        memberships = listMemberships({ ...input, onSevereList: true });
      }
      return { subject, memberships, revokedEventIds: revoked(own), rules: listRulesOf(ruleSetOn(subject.type, today)) };
    });
    // One query for the decisions behind every membership of the chunk.
    const details = await this.eventDetails(planned.flatMap((p) => p.memberships.flatMap((m) => (m.eventId ? [m.eventId] : []))));
    return planned.map(({ subject, memberships, revokedEventIds, rules }) => ({
      subject,
      revokedEventIds,
      rules,
      desired: memberships.map((m) => ({
        ...m,
        legalBasis: m.eventId ? (details.get(m.eventId)?.legal_basis ?? null) : null,
        decisionNo: m.eventId ? (details.get(m.eventId)?.decision_no ?? null) : null,
        authority: m.eventId ? (details.get(m.eventId)?.authority ?? null) : null,
      })),
    }));
  }

  /**
   * Applies one subject's memberships (what the rules give it now) to its stored entries and the feeds, in one
   * transaction with its audit row. Returns how many feed changes it made.
   */
  async apply(subject: SubjectIdentity, desired: readonly DesiredEntry[], revokedEventIds: ReadonlySet<string>, now: Date, rules: ListRules): Promise<number> {
    return (await this.write(subject, desired, revokedEventIds, now, rules, null))!;
  }

  /**
   * apply(), unless the subject's events changed since `expectedRevision` (then null, nothing written): the
   * subject row is held in share mode first, so no event can commit between this check and the commit.
   */
  private async write(
    subject: SubjectIdentity,
    desired: readonly DesiredEntry[],
    revokedEventIds: ReadonlySet<string>,
    now: Date,
    rules: ListRules,
    expectedRevision: number | null,
  ): Promise<number | null> {
    const today = shanghaiDate(now);
    return retryingTransaction(this.dataSource, async (em) => {
      if (expectedRevision !== null) {
        const [row]: { event_revision: number }[] = await em.query('SELECT event_revision FROM subjects WHERE id = ? LOCK IN SHARE MODE', [subject.id]);
        if (!row || Number(row.event_revision) !== expectedRevision) return null;
      }
      const pending = await reconcileSubjectLists(em, {
        subject,
        desired,
        revokedEventIds,
        today,
        now,
        objectionDeadline: (notifiedOn) => objectionDeadline(this.calendar, notifiedOn, rules),
      });
      await appendListChanges(em, this.audit, pending, { actor: 'system:lists', action: 'lists.refresh', now });
      return pending.length;
    });
  }

  /** Per subject, the reasons (`reason:event`) of its entries on the severe list. */
  private async onSevereList(subjectIds: string[]): Promise<Map<string, Set<string>>> {
    const rows: { subject_id: string | number; reason_code: string; event_id: string | number | null }[] = await this.dataSource.query(
      `SELECT subject_id, reason_code, event_id FROM list_entries WHERE subject_id IN (?) AND list = 'SEVERE_DISHONESTY' AND status = 'ACTIVE'`,
      [subjectIds],
    );
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = String(r.subject_id);
      const reasons = out.get(key) ?? new Set<string>();
      reasons.add(`${r.reason_code}:${r.event_id === null ? '-' : String(r.event_id)}`);
      out.set(key, reasons);
    }
    return out;
  }

  private async eventDetails(ids: string[]): Promise<Map<string, EventDetails>> {
    if (ids.length === 0) return new Map();
    const rows: (EventDetails & { id: string | number })[] = await this.dataSource.query(
      'SELECT id, legal_basis, decision_no, authority FROM events WHERE id IN (?)',
      [ids],
    );
    return new Map(rows.map((r) => [String(r.id), r]));
  }
}

/** Events whose current version is revoked: an entry resting on one leaves the lists as REVOKED. */
function revoked(events: readonly CreditEvent[]): Set<string> {
  return new Set(events.filter((e) => e.status === EventStatus.REVOKED).map((e) => e.id));
}
