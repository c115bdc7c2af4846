import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { EventStatus, isIsoDate, shanghaiDate } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toFeedEntry } from '../feeds/feed-entry';
import { checkedText } from './checked-text';
import { appendListChanges } from './list-change-log';
import { ListChangeOp } from './list-change.entity';
import { ListEntry, ListEntryStatus, RemovalReason } from './list-entry.entity';
import { ListObjection, ObjectionStatus } from './list-objection.entity';
import { close } from './reconcile-subject-lists';

/** Decisions that have effect (domain.md §2): an appeal keeps it; a revoked or proposed one has none. */
const IN_FORCE = new Set<string>([EventStatus.FINAL, EventStatus.UNDER_APPEAL]);

/**
 * The regulator's steps of a severe-list entry (domain.md §5: notified, may object for 10 working days, a
 * regulator confirms): confirm after the objection period, record an objection received within it, decide it.
 * Each step is one retrying transaction with its audit row; a confirmation is the entry's ADD in the feed.
 */
@Injectable()
export class ListLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async confirm(entryId: string, actor: string, now = new Date()): Promise<ListEntry> {
    return retryingTransaction(this.dataSource, async (em) => {
      const entry = await lockEntry(em, entryId);
      if (entry.status !== ListEntryStatus.NOTIFIED) throw DomainError.conflict(`the entry is ${entry.status}, not awaiting confirmation`, { field: 'entryId' });
      const today = shanghaiDate(now);
      if (entry.objectionDeadline && today <= entry.objectionDeadline) {
        throw DomainError.conflict(`the objection period runs until ${entry.objectionDeadline}`, { field: 'entryId', reason: 'OBJECTION_PERIOD_OPEN' });
      }
      const pending = await em.getRepository(ListObjection).countBy({ entryRowId: entry.id, status: ObjectionStatus.PENDING });
      if (pending > 0) throw DomainError.conflict('an objection to this entry is still undecided', { field: 'entryId', reason: 'OBJECTION_PENDING' });
      // The reason must still stand now, whatever the list job has seen yet (its run may lag behind a revocation).
      if (entry.plannedEnd !== null && entry.plannedEnd < today) {
        throw DomainError.conflict(`the publication period ended on ${entry.plannedEnd}`, { field: 'entryId', reason: 'PUBLICATION_PERIOD_OVER' });
      }
      if (entry.eventId !== null) {
        const [event]: { status: string }[] = await em.query('SELECT status FROM events WHERE id = ? LOCK IN SHARE MODE', [entry.eventId]);
        if (!event || !IN_FORCE.has(event.status)) {
          throw DomainError.conflict('the decision behind this entry is no longer in force', { field: 'entryId', reason: 'DECISION_NOT_IN_FORCE' });
        }
      }
      entry.status = ListEntryStatus.ACTIVE;
      entry.confirmedAt = now;
      entry.confirmedBy = actor;
      entry.updatedAt = now;
      await em.getRepository(ListEntry).save(entry);
      await appendListChanges(em, this.audit, [{ op: ListChangeOp.ADD, entry: toFeedEntry(entry), removalReason: null }], { actor, action: 'lists.confirm', now });
      return entry;
    });
  }

  async recordObjection(entryId: string, receivedOn: string, summary: string, actor: string, now = new Date()): Promise<ListObjection> {
    const text = checkedText(summary, 'summary', 1000);
    if (!isIsoDate(receivedOn) || receivedOn > shanghaiDate(now)) {
      throw DomainError.badInput('receivedOn must be a calendar date, not in the future', { field: 'receivedOn', reason: 'INVALID_DATE' });
    }
    return retryingTransaction(this.dataSource, async (em) => {
      const entry = await lockEntry(em, entryId);
      if (entry.status !== ListEntryStatus.NOTIFIED) throw DomainError.conflict(`the entry is ${entry.status}: objections are taken while it is NOTIFIED`, { field: 'entryId' });
      if (entry.objectionDeadline && receivedOn > entry.objectionDeadline) {
        throw DomainError.conflict(`the objection period ended on ${entry.objectionDeadline}`, { field: 'receivedOn', reason: 'OBJECTION_PERIOD_OVER' });
      }
      const repo = em.getRepository(ListObjection);
      const objection = repo.create({ entryRowId: entry.id, receivedOn, summary: text, status: ObjectionStatus.PENDING, decisionReason: null, decidedAt: null, decidedBy: null, recordedBy: actor, createdAt: now });
      await repo.insert(objection);
      await this.audit.append(em, [{ actor, action: 'lists.objection.record', targetType: 'list_entry', targetId: entry.entryId!, diff: { objectionId: objection.id, receivedOn } }]);
      return objection;
    });
  }

  /** Upheld: the candidate is dropped and never published. Rejected: it may be confirmed. */
  async decideObjection(objectionId: string, upheld: boolean, reason: string, actor: string, now = new Date()): Promise<ListObjection> {
    const why = checkedText(reason, 'reason', 500);
    return retryingTransaction(this.dataSource, async (em) => {
      const objection = await em.getRepository(ListObjection).findOne({ where: { id: objectionId }, lock: { mode: 'pessimistic_write' } });
      if (!objection) throw DomainError.notFound('no such objection', { field: 'objectionId' });
      if (objection.status !== ObjectionStatus.PENDING) throw DomainError.conflict(`the objection was already ${objection.status}`, { field: 'objectionId' });
      const entry = await em.getRepository(ListEntry).findOneOrFail({ where: { id: objection.entryRowId }, lock: { mode: 'pessimistic_write' } });
      objection.status = upheld ? ObjectionStatus.UPHELD : ObjectionStatus.REJECTED;
      objection.decisionReason = why;
      objection.decidedAt = now;
      objection.decidedBy = actor;
      await em.getRepository(ListObjection).save(objection);
      if (upheld && entry.status === ListEntryStatus.NOTIFIED) {
        close(entry, ListEntryStatus.DROPPED, RemovalReason.OBJECTION_UPHELD, now);
        await em.getRepository(ListEntry).save(entry);
      }
      await this.audit.append(em, [
        { actor, action: 'lists.objection.decide', targetType: 'list_entry', targetId: entry.entryId!, diff: { objectionId, upheld } },
      ]);
      return objection;
    });
  }
}

export async function lockEntry(em: EntityManager, entryId: string): Promise<ListEntry> {
  const entry = typeof entryId === 'string' && /^[A-Z]{2}\d{12}$/.test(entryId)
    ? await em.getRepository(ListEntry).findOne({ where: { entryId }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!entry) throw DomainError.notFound('no such list entry', { field: 'entryId' });
  return entry;
}
