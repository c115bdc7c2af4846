import { ListKind, ListMembership } from '@app/credit';
import { EntityManager } from 'typeorm';
import { entryIdOf, toFeedEntry } from '../feeds/feed-entry';
import { ListChangeOp } from './list-change.entity';
import { ListEntry, ListEntryStatus, RemovalReason } from './list-entry.entity';
import { PendingListChange } from './list-change-log';
import { SubjectIdentity } from './subject-identity';

/** A membership the rules give, with what the feed shows of the event behind it. */
export interface DesiredEntry extends ListMembership {
  legalBasis: string | null;
  decisionNo: string | null;
  authority: string | null;
}

export interface ReconcileInput {
  subject: SubjectIdentity;
  desired: readonly DesiredEntry[];
  /** Events behind open entries that are no longer FINAL/UNDER_APPEAL (revoked): their entries leave as REVOKED. */
  revokedEventIds: ReadonlySet<string>;
  today: string;
  now: Date;
  /** The objection deadline of a severe-list candidate notified today. */
  objectionDeadline: (notifiedOn: string) => string;
}

/** Closed entries that bar the same reason from coming back: the regulator decided (repair, upheld objection). */
const FINAL_DECISIONS = new Set<string>([RemovalReason.REPAIRED, RemovalReason.OBJECTION_UPHELD]);
/** Fields whose change is a MODIFY in the feed (a correction is never a silent edit). */
const FEED_FIELDS = ['reasonCode', 'legalBasis', 'decisionNo', 'authority', 'effectiveFrom', 'plannedEnd', 'subjectName', 'maskedId', 'subjectKey'] as const;

/**
 * What makes one entry. On the severe list: each decision (a subject may be on it for several). On the
 * automatic lists a subject is on the list once, whatever the reason: a reason that changes (grade D to E)
 * is a MODIFY of the same entry, not a REMOVE and an ADD under a new entryId.
 */
function keyOf(list: string, reasonCode: string, eventId: string | null): string {
  return list === ListKind.SEVERE_DISHONESTY ? `${list}:${reasonCode}:${eventId ?? '-'}` : `${list}:*`;
}

/**
 * Brings one subject's list entries in line with what the rules now give, inside the caller's transaction,
 * and returns the feed changes to append. The subject's entries are locked first, so two runs for the same
 * subject queue rather than both adding. New severe-list reasons become NOTIFIED candidates (a regulator
 * confirms them after the objection period: only then are they ADDed to the feed); the other lists enter and
 * leave automatically. An open entry whose reason is gone leaves with REVOKED (its decision was revoked),
 * EXPIRED (its publication period is over) or CRITERIA_NO_LONGER_MET.
 */
export async function reconcileSubjectLists(em: EntityManager, input: ReconcileInput): Promise<PendingListChange[]> {
  const { subject, today, now } = input;
  const repo = em.getRepository(ListEntry);
  const existing = await repo.createQueryBuilder('e').setLock('pessimistic_write').where('e.subjectId = :id', { id: subject.id }).getMany();
  const open = new Map(existing.filter(isOpen).map((e) => [keyOf(e.list, e.reasonCode, e.eventId), e]));
  const barred = new Set(existing.filter((e) => e.removalReason && FINAL_DECISIONS.has(e.removalReason)).map((e) => keyOf(e.list, e.reasonCode, e.eventId)));
  const changes: PendingListChange[] = [];
  const wanted = new Set<string>();

  for (const d of input.desired) {
    const key = keyOf(d.list, d.reasonCode, d.eventId);
    wanted.add(key);
    const current = open.get(key);
    if (current) {
      const modified = refresh(current, d, subject);
      if (modified) {
        current.updatedAt = now;
        await repo.save(current);
        if (current.status === ListEntryStatus.ACTIVE) changes.push({ op: ListChangeOp.MODIFY, entry: toFeedEntry(current), removalReason: null });
      }
      continue;
    }
    if (barred.has(key)) continue;
    const entry = await create(em, d, subject, input);
    if (entry.status === ListEntryStatus.ACTIVE) changes.push({ op: ListChangeOp.ADD, entry: toFeedEntry(entry), removalReason: null });
  }

  for (const [key, e] of open) {
    if (wanted.has(key)) continue;
    const reason =
      e.eventId && input.revokedEventIds.has(e.eventId)
        ? RemovalReason.REVOKED
        : e.plannedEnd !== null && e.plannedEnd < today
          ? RemovalReason.EXPIRED
          : RemovalReason.CRITERIA_NO_LONGER_MET;
    const wasActive = e.status === ListEntryStatus.ACTIVE;
    close(e, wasActive ? ListEntryStatus.REMOVED : ListEntryStatus.DROPPED, reason, now);
    await repo.save(e);
    if (wasActive) changes.push({ op: ListChangeOp.REMOVE, entry: toFeedEntry(e), removalReason: reason });
  }
  return changes;
}

export function isOpen(e: Pick<ListEntry, 'status'>): boolean {
  return e.status === ListEntryStatus.NOTIFIED || e.status === ListEntryStatus.ACTIVE;
}

/** Closes an entry: off the list (or never on it), its open key released so the same reason may come back. */
export function close(e: ListEntry, status: ListEntryStatus.REMOVED | ListEntryStatus.DROPPED, reason: RemovalReason, now: Date): void {
  e.status = status;
  e.removalReason = reason;
  e.removedAt = now;
  e.openKey = null;
  e.updatedAt = now;
}

function refresh(e: ListEntry, d: DesiredEntry, s: SubjectIdentity): boolean {
  // An open-ended entry (the automatic lists) keeps the day it first appeared: the rules date a grade-based
  // reason no earlier than the day they look, so taking theirs would MODIFY every entry on every daily run.
  const effectiveFrom = d.plannedEnd === null && e.plannedEnd === null ? e.effectiveFrom : d.effectiveFrom;
  const next = { reasonCode: d.reasonCode, legalBasis: d.legalBasis, decisionNo: d.decisionNo, authority: d.authority, effectiveFrom, plannedEnd: d.plannedEnd, subjectName: s.name, maskedId: s.maskedId, subjectKey: s.subjectKey };
  const changed = FEED_FIELDS.some((f) => e[f] !== next[f]) || e.severity !== d.severity;
  if (changed) Object.assign(e, next, { severity: d.severity });
  return changed;
}

async function create(em: EntityManager, d: DesiredEntry, s: SubjectIdentity, input: ReconcileInput): Promise<ListEntry> {
  const repo = em.getRepository(ListEntry);
  const severe = d.list === ListKind.SEVERE_DISHONESTY;
  const entry = repo.create({
    entryId: null,
    list: d.list,
    subjectId: s.id,
    subjectType: s.type,
    subjectKey: s.subjectKey,
    maskedId: s.maskedId,
    subjectName: s.name,
    reasonCode: d.reasonCode,
    eventId: d.eventId,
    legalBasis: d.legalBasis,
    decisionNo: d.decisionNo,
    authority: d.authority,
    severity: d.severity,
    effectiveFrom: d.effectiveFrom,
    plannedEnd: d.plannedEnd,
    status: severe ? ListEntryStatus.NOTIFIED : ListEntryStatus.ACTIVE,
    notifiedOn: severe ? input.today : null,
    objectionDeadline: severe ? input.objectionDeadline(input.today) : null,
    confirmedAt: null,
    confirmedBy: null,
    removedAt: null,
    removalReason: null,
    openKey: `${s.id}:${keyOf(d.list, d.reasonCode, d.eventId)}`,
    createdAt: input.now,
    updatedAt: input.now,
  });
  const result = await repo.insert(entry);
  entry.id = String(result.identifiers[0].id);
  entry.entryId = entryIdOf(d.list, entry.id);
  await repo.update({ id: entry.id }, { entryId: entry.entryId });
  return entry;
}
