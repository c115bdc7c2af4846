import { AuditService } from '@app/audit';
import { canonicalJson } from '@app/common';
import {
  EVENT_TYPES_BY_SUBJECT_TYPE,
  EventType,
  maskResidentId,
  normalizeEventItem,
  RecordEventItem,
  shanghaiDate,
  SubjectType,
  validateEventItem,
} from '@app/credit';
import { multiRowInsert, retryingTransaction } from '@app/database';
import { OutboxNudger } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { announceSubjectChanges } from '../outbox/outbox';
import { ResidentIdCipher } from '../pii';
import { checkBatchSize } from '../subjects/batch-limits';
import { SubjectDirectory } from '../subjects/subject-directory';
import { Subject } from '../subjects/subject.entity';
import { BatchItem, EventBatch } from './event-batch';
import { contentOf } from './event-fields';
import { EventRecord } from './event-record.entity';
import { BatchMode, RecordedBatch } from './recorded-batch';

const INSERT_CHUNK = 1000;

/**
 * Recording events (api-contract.md `recordEvents`): validated, idempotent on (sourceSystem, sourceRef) by a
 * unique key, stored with one outbox message per affected subject in the same transaction.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: ResidentIdCipher,
    private readonly directory: SubjectDirectory,
    private readonly nudger: OutboxNudger,
  ) {}

  async record(items: readonly unknown[], actor: string, mode: BatchMode = 'all-or-nothing'): Promise<RecordedBatch> {
    checkBatchSize(items);
    const today = shanghaiDate(new Date());
    const recorded = await retryingTransaction(this.dataSource, async (em) => {
      const named = await this.subjectsNamedByKey(em, items);
      const batch = this.validate(items, today, mode, subjectTypes(named));
      await this.resolveSubjects(em, batch, named);
      this.validateForSubjects(batch, today);
      await this.findDuplicates(em, batch);
      const fresh = batch.live.filter((i) => i.duplicateOf === undefined);
      const now = new Date();
      await this.insert(em, fresh, actor, now);
      await announceSubjectChanges(em, fresh.map((i) => i.subject!.id), now);
      if (fresh.length > 0) await this.audit.append(em, [auditRecord(actor, fresh, batch.live.length - fresh.length)]);
      return outcome(batch, fresh.length);
    });
    // Committed: tell the relay to look now rather than at its next poll (B3). Nothing new, nothing to say.
    if (recorded.created > 0) this.nudger.nudge();
    return recorded;
  }

  /**
   * The subjects named by subjectId or credit code, read first (one query) so the first validation already
   * applies the subject type's rules (a practitioner's copy of an Art.38 penalty need not repeat the fine, an
   * institution's must) and need not run again once the subject is resolved (B1: validation was a fifth of
   * the batch's time, run twice). The keys are still unvalidated text here; they only go into a
   * parameterised IN list. Resident IDs need validating before they can be hashed, so they are looked up later.
   */
  private async subjectsNamedByKey(em: EntityManager, items: readonly unknown[]): Promise<Subject[]> {
    const ids: string[] = [];
    const creditCodes: string[] = [];
    for (const raw of items) {
      const { subjectId, creditCode } = namingKeys(raw);
      if (subjectId) ids.push(subjectId);
      else if (creditCode) creditCodes.push(creditCode);
    }
    return this.directory.find(em, { ids, creditCodes });
  }

  /** Each item on its own: types, ranges, dates, type-specific rules (libs/credit). */
  private validate(items: readonly unknown[], today: string, mode: BatchMode, types: SubjectTypes): EventBatch {
    const ok: BatchItem[] = [];
    const batch = new EventBatch(mode, ok);
    items.forEach((raw, index) => {
      // Named the way resolveSubjects resolves: by id when one is given, else by credit code.
      const { subjectId, creditCode } = namingKeys(raw);
      const subjectType = subjectId ? types.byId.get(subjectId) : creditCode ? types.byCode.get(creditCode) : undefined;
      const found = validateEventItem(raw, { today, subjectType });
      if (found) return batch.reject(index, found);
      const item = normalizeEventItem(raw as RecordEventItem);
      const hmacs = item.residentId ? this.cipher.lookupHashes(item.residentId) : [];
      ok.push({ index, raw, item, hmac: hmacs[0] ?? null, hmacs, checkedFor: subjectType });
    });
    batch.settle();
    return batch;
  }

  /**
   * Finds each item's subject by id, credit code or resident ID. An insured person seen for the first time
   * is created (most never register: domain.md §1); institutions and practitioners must be registered first.
   */
  private async resolveSubjects(em: EntityManager, batch: EventBatch, namedByKey: Subject[]): Promise<void> {
    // Subjects named by id or credit code were read before validation; what is left is looked up here.
    const known = new Set(namedByKey.flatMap((s) => (s.creditCode ? [s.creditCode] : [])));
    const keys = {
      creditCodes: batch.live.flatMap((i) => (i.item.creditCode && !known.has(i.item.creditCode) ? [i.item.creditCode] : [])),
      residentIdHmacs: batch.live.flatMap((i) => i.hmacs),
    };
    let found = uniqueById([...namedByKey, ...(await this.directory.find(em, keys))]);
    const newcomers = batch.live.filter((i) => i.hmac && isNewInsuredPerson(i, found));
    if (newcomers.length > 0) {
      await this.createInsuredPersons(em, newcomers);
      found = uniqueById([...namedByKey, ...(await this.directory.find(em, keys))]);
    }
    const byId = new Map(found.map((s) => [s.id, s]));
    const byCode = new Map(found.filter((s) => s.creditCode).map((s) => [s.creditCode!, s]));
    for (const i of batch.live) {
      if (i.item.subjectId) i.subject = byId.get(i.item.subjectId);
      else if (i.item.creditCode) i.subject = byCode.get(i.item.creditCode);
      else {
        const candidates = personCandidates(i, found);
        if (candidates.length > 1) {
          batch.reject(i.index, { field: 'residentId', reason: 'AMBIGUOUS_SUBJECT', message: 'residentId: names several practitioner records (one per profession); give subjectId' });
          continue;
        }
        i.subject = candidates[0];
      }
      if (!i.subject) {
        const field = i.item.subjectId ? 'subjectId' : i.item.creditCode ? 'creditCode' : 'residentId';
        batch.reject(i.index, { field, reason: 'UNKNOWN_SUBJECT', message: `${field}: names no registered subject` });
      }
    }
    batch.settle();
  }

  private async createInsuredPersons(em: EntityManager, items: BatchItem[]): Promise<void> {
    const now = new Date();
    const byHmac = new Map(items.map((i) => [i.hmac!, i.item.residentId!]));
    const rows = [...byHmac].map(([hmac, residentId]) => ({
      type: SubjectType.INSURED_PERSON,
      name: null,
      creditCode: null,
      residentIdHmac: hmac,
      residentIdEnc: this.cipher.encrypt(residentId),
      residentIdKeyId: this.cipher.keyId,
      residentIdFeedKey: hmac,
      residentIdMasked: maskResidentId(residentId),
      profession: null,
      professionKey: '',
      regionCode: items.find((i) => i.hmac === hmac)?.item.regionCode ?? null,
      agreementSignedOn: null,
      category: null,
      createdAt: now,
      eventRevision: 0,
    }));
    await em.createQueryBuilder().insert().into(Subject).values(rows).updateEntity(false).execute();
  }

  /** Now that the subject type is known: responsibility for practitioners, event type against subject type. */
  private validateForSubjects(batch: EventBatch, today: string): void {
    for (const i of batch.live) {
      if (i.checkedFor === i.subject!.type) continue; // validated with this very type already
      const found = validateEventItem(i.raw, { today, subjectType: i.subject!.type });
      if (found) batch.reject(i.index, found);
    }
    batch.settle();
  }

  /**
   * Marks items already stored (or repeated within the batch). Same content: a duplicate, answered with the
   * stored id. Different content under the same source key: a CONFLICT, never an overwrite.
   */
  private async findDuplicates(em: EntityManager, batch: EventBatch): Promise<void> {
    const firstByKey = new Map<string, BatchItem>();
    for (const i of batch.live) {
      i.inputHash = inputHash(i);
      const key = sourceKey(i.item.sourceSystem, i.item.sourceRef);
      const first = firstByKey.get(key);
      if (!first) firstByKey.set(key, i);
      else if (first.inputHash === i.inputHash) i.duplicateOf = first;
      else batch.reject(i.index, conflict('sourceRef: repeats an earlier item of this batch with different content'));
    }
    const stored = await this.storedBySource(em, [...firstByKey.values()]);
    for (const i of batch.live) {
      const hit = stored.get(sourceKey(i.item.sourceSystem, i.item.sourceRef));
      if (!hit) continue;
      if (hit.inputHash === i.inputHash) i.duplicateOf = hit.id;
      else batch.reject(i.index, conflict('sourceRef: an event with this sourceSystem and sourceRef exists with different content'));
    }
    batch.settle();
  }

  private async storedBySource(em: EntityManager, items: BatchItem[]): Promise<Map<string, { id: string; inputHash: string }>> {
    const bySystem = new Map<string, string[]>();
    for (const i of items) bySystem.set(i.item.sourceSystem, [...(bySystem.get(i.item.sourceSystem) ?? []), i.item.sourceRef]);
    const out = new Map<string, { id: string; inputHash: string }>();
    for (const [system, refs] of bySystem) {
      for (let start = 0; start < refs.length; start += INSERT_CHUNK) {
        const rows: { id: string; source_ref: string; input_hash: string }[] = await em.query(
          'SELECT id, source_ref, input_hash FROM events WHERE source_system = ? AND source_ref IN (?)',
          [system, refs.slice(start, start + INSERT_CHUNK)],
        );
        for (const r of rows) out.set(sourceKey(system, r.source_ref), { id: String(r.id), inputHash: r.input_hash });
      }
    }
    return out;
  }

  /**
   * Plain INSERT, no IGNORE: a concurrent transaction that stored the same source key first makes this fail
   * with a duplicate-key error, and retryingTransaction runs the batch again, which then sees a duplicate.
   * Raw multi-row INSERTs (multiRowInsert): TypeORM's query builder cost more than the database did (B1).
   */
  private async insert(em: EntityManager, fresh: BatchItem[], actor: string, now: Date): Promise<void> {
    for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
      const chunk = fresh.slice(start, start + INSERT_CHUNK);
      await multiRowInsert(em, EventRecord, chunk.map((i) => eventRow(i, actor, now)));
    }
    const ids = await this.storedBySource(em, fresh);
    for (const i of fresh) i.id = ids.get(sourceKey(i.item.sourceSystem, i.item.sourceRef))!.id;
  }
}

interface SubjectTypes {
  byId: Map<string, SubjectType>;
  byCode: Map<string, SubjectType>;
}

function subjectTypes(subjects: readonly Subject[]): SubjectTypes {
  return {
    byId: new Map(subjects.map((s) => [s.id, s.type])),
    byCode: new Map(subjects.flatMap((s) => (s.creditCode ? [[s.creditCode, s.type] as const] : []))),
  };
}

/** An unvalidated item's subjectId and creditCode, trimmed as normalizeEventItem trims them; empty is absent. */
function namingKeys(raw: unknown): { subjectId?: string; creditCode?: string } {
  const r = raw as { subjectId?: unknown; creditCode?: unknown } | null;
  const key = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return { subjectId: key(r?.subjectId), creditCode: key(r?.creditCode) };
}

/** A subject named both by id and by natural key must count once (two copies would look ambiguous). */
function uniqueById(subjects: Subject[]): Subject[] {
  return [...new Map(subjects.map((s) => [s.id, s])).values()];
}

function isNewInsuredPerson(i: BatchItem, found: Subject[]): boolean {
  const insurable = EVENT_TYPES_BY_SUBJECT_TYPE[SubjectType.INSURED_PERSON].includes(i.item.type);
  return insurable && personCandidates(i, found).length === 0;
}

function personCandidates(i: BatchItem, found: Subject[]): Subject[] {
  return found.filter((s) => s.residentIdHmac !== null && i.hmacs.includes(s.residentIdHmac) && EVENT_TYPES_BY_SUBJECT_TYPE[s.type].includes(i.item.type as EventType));
}

function conflict(message: string) {
  return { field: 'sourceRef', reason: 'CONFLICT', message };
}

function sourceKey(system: string, ref: string): string {
  return `${system}\u0000${ref}`;
}

/** The submission with its subject resolved to an id: naming a subject by id or by key is the same event. */
function inputHash(i: BatchItem): string {
  const content = { ...contentOf(i.item), sourceSystem: i.item.sourceSystem, sourceRef: i.item.sourceRef, subjectId: i.subject!.id };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function eventRow(i: BatchItem, actor: string, now: Date): Partial<EventRecord> {
  return {
    ...contentOf(i.item),
    subjectId: i.subject!.id,
    version: 1,
    sourceSystem: i.item.sourceSystem,
    sourceRef: i.item.sourceRef,
    inputHash: i.inputHash!,
    firstRecordedAt: now,
    changeReason: null,
    recordedBy: actor,
    recordedAt: now,
  };
}

function outcome(batch: EventBatch, created: number): RecordedBatch {
  const idOf = (i: BatchItem): string => (i.id ?? (typeof i.duplicateOf === 'string' ? i.duplicateOf : idOf(i.duplicateOf!)));
  return {
    created,
    duplicates: batch.live.length - created,
    events: batch.live.map((i) => ({ index: i.index, id: idOf(i), sourceRef: i.item.sourceRef, duplicate: i.duplicateOf !== undefined })),
    rejected: batch.rejections(),
  };
}

function auditRecord(actor: string, fresh: BatchItem[], duplicates: number) {
  const ids = fresh.map((i) => i.id!);
  return {
    actor,
    action: 'events.record',
    targetType: 'event',
    targetId: ids.length === 1 ? ids[0] : `batch:${ids.length}`,
    diff: { created: ids, duplicates },
  };
}
