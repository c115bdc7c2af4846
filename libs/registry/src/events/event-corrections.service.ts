import { isRowId } from '@app/common/orm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { EventStatus, freeTextProblem, normalizeEventItem, RecordEventItem, shanghaiDate, validateEventItem } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { OutboxNudger } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { announceSubjectChanges } from '../outbox/outbox';
import { Subject } from '../subjects/subject.entity';
import { changedFields, contentOf, EVENT_CONTENT_FIELDS, EventContentValues } from './event-fields';
import { EventRecord } from './event-record.entity';
import { EventVersion } from './event-version.entity';

const REASON_MAX = 500;

/** What an amendment may change; an absent field keeps its value, an explicit null clears it. */
export type EventAmendment = Partial<Record<(typeof EVENT_CONTENT_FIELDS)[number], unknown>>;

/**
 * Revocation and amendment (domain.md §2): never an edit in place. The version being replaced is copied to
 * event_history, the event row becomes the next version, and the subject is queued for rescoring.
 *
 * Each runs in a retrying transaction, like every other write: a deadlock with a concurrent writer (a rescore
 * or an event batch holding the subject row) runs the whole correction again. That is safe because the work
 * re-reads the event under its lock on every attempt and computes everything (version, time, audit entry)
 * from what it reads; its only effects are rows written in the transaction.
 */
@Injectable()
export class EventCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly nudger: OutboxNudger,
  ) {}

  async revoke(id: string, reason: string, actor: string): Promise<EventRecord> {
    const why = checkReason(reason);
    const revoked = await retryingTransaction(this.dataSource, async (em) => {
      const event = await this.lockCurrent(em, id);
      return this.supersede(em, event, { ...contentOf(event), status: EventStatus.REVOKED }, why, actor, EventStatus.REVOKED);
    });
    this.nudger.nudge(); // committed: the relay looks now instead of at its next poll
    return revoked;
  }

  /** Returns the event unchanged when the amendment changes nothing (a retried call must not add versions). */
  async amend(id: string, changes: EventAmendment, reason: string, actor: string): Promise<EventRecord> {
    const why = checkReason(reason);
    let changed = false;
    const amended = await retryingTransaction(this.dataSource, async (em) => {
      const event = await this.lockCurrent(em, id);
      const next = await this.validatedContent(em, event, changes);
      changed = changedFields(contentOf(event), next).length > 0;
      if (!changed) return event;
      return this.supersede(em, event, next, why, actor, EventStatus.AMENDED);
    });
    if (changed) this.nudger.nudge();
    return amended;
  }

  private async lockCurrent(em: EntityManager, id: string): Promise<EventRecord> {
    const event = isRowId(id)
      ? await em.getRepository(EventRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!event) throw DomainError.notFound('no event with this id', { field: 'id' });
    if (event.status === EventStatus.REVOKED) throw DomainError.conflict('the event is revoked; a revoked decision is final', { field: 'id' });
    return event;
  }

  private async validatedContent(em: EntityManager, event: EventRecord, changes: EventAmendment): Promise<EventContentValues> {
    const subject = await em.getRepository(Subject).findOneByOrFail({ id: event.subjectId });
    const candidate = {
      ...contentOf(event),
      ...changes,
      sourceSystem: event.sourceSystem,
      sourceRef: event.sourceRef,
      subjectId: event.subjectId,
    };
    const found = validateEventItem(candidate, { today: shanghaiDate(new Date()), subjectType: subject.type });
    if (found) throw DomainError.badInput(found.message, { field: found.field, reason: found.reason });
    return contentOf(normalizeEventItem(candidate as RecordEventItem));
  }

  private async supersede(
    em: EntityManager,
    event: EventRecord,
    next: EventContentValues,
    reason: string,
    actor: string,
    endedAs: EventStatus.AMENDED | EventStatus.REVOKED,
  ): Promise<EventRecord> {
    const now = new Date();
    const action = endedAs === EventStatus.REVOKED ? 'event.revoke' : 'event.amend';
    const { id, sourceSystem: _s, sourceRef: _r, inputHash: _h, firstRecordedAt: _f, ...version } = event;
    await em.getRepository(EventVersion).insert({ ...version, eventId: id, supersededAt: now, supersededAs: endedAs });
    const update = { ...next, version: event.version + 1, changeReason: reason, recordedBy: actor, recordedAt: now };
    await em.getRepository(EventRecord).update({ id }, update);
    await announceSubjectChanges(em, [event.subjectId], now);
    const fields = changedFields(contentOf(event), next);
    await this.audit.append(em, [
      {
        actor,
        action,
        targetType: 'event',
        targetId: id,
        diff: {
          version: update.version,
          reason,
          before: Object.fromEntries(fields.map((f) => [f, event[f]])),
          after: Object.fromEntries(fields.map((f) => [f, next[f]])),
        },
      },
    ]);
    return Object.assign(event, update);
  }
}

function checkReason(reason: string): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length === 0 || [...trimmed].length > REASON_MAX) {
    throw DomainError.badInput(`reason must be 1 to ${REASON_MAX} characters`, { field: 'reason', reason: 'INVALID_VALUE' });
  }
  // A revocation's reason becomes the withdrawal note of the public disclosure item: public text.
  const problem = freeTextProblem(trimmed, true);
  if (problem) throw DomainError.badInput(`reason ${problem}`, { field: 'reason', reason: 'INVALID_VALUE' });
  return trimmed;
}
