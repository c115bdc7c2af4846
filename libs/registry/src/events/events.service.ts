import { AuditService } from '@app/audit';
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
import { insertedIds, multiRowInsert, retryingTransaction } from '@app/database';
import { OutboxNudger } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { announceSubjectChanges } from '../outbox/outbox';
import { ResidentIdCipher } from '../pii';
import { checkBatchSize } from '../subjects/batch-limits';
import { SubjectDirectory, SubjectRef } from '../subjects/subject-directory';
import { Subject } from '../subjects/subject.entity';
import { BatchItem, EventBatch } from './event-batch';
import { EventRecord } from './event-record.entity';
import { eventInputHash } from './input-hash';
import { SourceKeyMap } from './source-key-map';
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
      // Both reads need only the items' keys. Sent together, the duplicate check runs on the server while
      // validation runs here (the connection answers them in order; B1: a round trip per batch less waited).
      const namedQuery = this.subjectsNamedByKey(em, items);
      const storedQuery = this.storedBySource(em, sourceKeysOf(items));
      storedQuery.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      const named = await namedQuery;
      const batch = this.validate(items, today, mode, subjectTypes(named));
      await this.resolveSubjects(em, batch, named);
      this.validateForSubjects(batch, today);
      const now = new Date();
      const fresh = await this.insertFresh(em, batch, await storedQuery, actor, now);
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
  private async subjectsNamedByKey(em: EntityManager, items: readonly unknown[]): Promise<SubjectRef[]> {
    const ids: string[] = [];
    const creditCodes: string[] = [];
    for (const raw of items) {
      const { subjectId, creditCode } = namingKeys(raw);
      if (subjectId) ids.push(subjectId);
      else if (creditCode) creditCodes.push(creditCode);
    }
    return this.directory.findRefs(em, { ids, creditCodes });
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
  private async resolveSubjects(em: EntityManager, batch: EventBatch, namedByKey: SubjectRef[]): Promise<void> {
    // Subjects named by id or credit code were read before validation; what is left is looked up here.
    const known = new Set(namedByKey.flatMap((s) => (s.creditCode ? [s.creditCode] : [])));
    const keys = {
      creditCodes: batch.live.flatMap((i) => (i.item.creditCode && !known.has(i.item.creditCode) ? [i.item.creditCode] : [])),
      residentIdHmacs: batch.live.flatMap((i) => i.hmacs),
    };
    let found = uniqueById([...namedByKey, ...(await this.directory.findRefs(em, keys))]);
    const newcomers = batch.live.filter((i) => i.hmac && isNewInsuredPerson(i, found));
    if (newcomers.length > 0) {
      await this.createInsuredPersons(em, newcomers);
      found = uniqueById([...namedByKey, ...(await this.directory.findRefs(em, keys))]);
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
   * Sorts each item, in input order, into new, duplicate (same content as an earlier item of the batch or a
   * stored event: answered with that id) or CONFLICT (same source key, other content: never an overwrite),
   * and sends the new ones in INSERTs of up to 1,000 rows as they fill up, so the server writes one chunk
   * while the next is hashed and formatted here (B1). An item's verdict depends only on the items before it
   * and on what was stored, so sorting as it goes gives what sorting the whole batch first would. In
   * all-or-nothing mode the first refusal stops the sending, and the rollback takes back what was sent.
   */
  private async insertFresh(em: EntityManager, batch: EventBatch, stored: SourceKeyMap<StoredEvent>, actor: string, now: Date): Promise<BatchItem[]> {
    const firstByKey = new SourceKeyMap<BatchItem>();
    const fresh: BatchItem[] = [];
    const chunks = new EventChunks(em, actor, now);
    for (const i of batch.live) {
      i.inputHash = eventInputHash(i.item, i.subject!.id);
      const problem = sortItem(i, firstByKey, stored);
      if (problem) {
        batch.reject(i.index, problem);
        if (batch.mode === 'all-or-nothing') break;
        continue;
      }
      if (i.duplicateOf !== undefined) continue;
      fresh.push(i);
      if (chunks.pending(fresh) === INSERT_CHUNK) await chunks.send(fresh);
    }
    if (batch.rejections().length === 0 || batch.mode !== 'all-or-nothing') await chunks.send(fresh);
    await chunks.done(); // also when refusing: nothing sent may still be running when the error leaves
    batch.settle();
    await chunks.numberUnnumbered((items) => this.storedBySource(em, items.map((i) => i.item)));
    return fresh;
  }

  /** The stored events under these source keys, one query per source system and 1,000 keys, sent together. */
  private async storedBySource(em: EntityManager, keys: readonly SourceKey[]): Promise<SourceKeyMap<StoredEvent>> {
    const bySystem = new Map<string, string[]>();
    for (const k of keys) {
      const refs = bySystem.get(k.sourceSystem);
      if (refs) refs.push(k.sourceRef);
      else bySystem.set(k.sourceSystem, [k.sourceRef]);
    }
    const queries: Promise<void>[] = [];
    const out = new SourceKeyMap<StoredEvent>();
    for (const [system, refs] of bySystem) {
      for (let start = 0; start < refs.length; start += INSERT_CHUNK) {
        const chunk = refs.slice(start, start + INSERT_CHUNK);
        const query = em.query('SELECT id, source_ref, input_hash FROM events WHERE source_system = ? AND source_ref IN (?)', [system, chunk]);
        queries.push(
          query.then((rows: { id: string; source_ref: string; input_hash: string }[]) => {
            for (const r of rows) out.set(system, r.source_ref, { id: String(r.id), inputHash: r.input_hash });
          }),
        );
      }
    }
    await Promise.all(queries);
    return out;
  }

}

/**
 * The INSERTs of one batch's new events, queued on the transaction's connection as they are handed over.
 * Plain INSERT, no IGNORE: a concurrent transaction that stored the same source key first makes this fail
 * with a duplicate-key error, and retryingTransaction runs the batch again, which then sees a duplicate.
 * Raw multi-row INSERTs (multiRowInsert): TypeORM's query builder cost more than the database did (B1).
 * The new ids come from each INSERT's first id where the server hands out consecutive blocks (insertedIds);
 * otherwise they are read back by source key at the end.
 */
class EventChunks {
  private sent = 0;
  private readonly inserts: Promise<void>[] = [];
  private readonly unnumbered: BatchItem[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly actor: string,
    private readonly now: Date,
  ) {}

  /** How many of the new items are not sent yet. */
  pending(fresh: readonly BatchItem[]): number {
    return fresh.length - this.sent;
  }

  /** Sends the items not sent yet as one INSERT, and lets it leave before the caller computes on. */
  async send(fresh: readonly BatchItem[]): Promise<void> {
    if (this.pending(fresh) === 0) return;
    const chunk = fresh.slice(this.sent);
    this.sent = fresh.length;
    const insert = multiRowInsert(this.em, EventRecord, chunk.map((i) => eventRow(i, this.actor, this.now))).then(async (header) => {
      const ids = await insertedIds(this.em, header, chunk.length);
      if (ids) chunk.forEach((i, k) => (i.id = ids[k]));
      else this.unnumbered.push(...chunk);
    });
    // Awaited in done(); until then a failure (a concurrent duplicate) must not count as unhandled, which
    // would end the process while the next chunk is being prepared.
    insert.catch(() => undefined);
    this.inserts.push(insert);
    // The driver formats and writes the statement a few promise turns later; a macrotask turn is after them.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Waits for every INSERT sent; the first failure is thrown once all have ended. */
  async done(): Promise<void> {
    const results = await Promise.allSettled(this.inserts);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async numberUnnumbered(read: (items: BatchItem[]) => Promise<SourceKeyMap<StoredEvent>>): Promise<void> {
    if (this.unnumbered.length === 0) return;
    const stored = await read(this.unnumbered);
    for (const i of this.unnumbered) i.id = stored.get(i.item.sourceSystem, i.item.sourceRef)!.id;
  }
}

/**
 * The verdict on one item given the items before it (firstByKey, which it joins when first) and the stored
 * events: a problem, or none (then `duplicateOf` tells a duplicate from a new event). A repeat with other
 * content is named as such before a clash with a stored event.
 */
function sortItem(i: BatchItem, firstByKey: SourceKeyMap<BatchItem>, stored: SourceKeyMap<StoredEvent>) {
  const first = firstByKey.get(i.item.sourceSystem, i.item.sourceRef);
  if (!first) firstByKey.set(i.item.sourceSystem, i.item.sourceRef, i);
  else if (first.inputHash !== i.inputHash) return conflict('sourceRef: repeats an earlier item of this batch with different content');
  else i.duplicateOf = first;
  const hit = stored.get(i.item.sourceSystem, i.item.sourceRef);
  if (!hit) return null;
  if (hit.inputHash !== i.inputHash) return conflict('sourceRef: an event with this sourceSystem and sourceRef exists with different content');
  i.duplicateOf = hit.id;
  return null;
}

interface SubjectTypes {
  byId: Map<string, SubjectType>;
  byCode: Map<string, SubjectType>;
}

function subjectTypes(subjects: readonly SubjectRef[]): SubjectTypes {
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
function uniqueById(subjects: SubjectRef[]): SubjectRef[] {
  return [...new Map(subjects.map((s) => [s.id, s])).values()];
}

function isNewInsuredPerson(i: BatchItem, found: SubjectRef[]): boolean {
  const insurable = EVENT_TYPES_BY_SUBJECT_TYPE[SubjectType.INSURED_PERSON].includes(i.item.type);
  return insurable && personCandidates(i, found).length === 0;
}

function personCandidates(i: BatchItem, found: SubjectRef[]): SubjectRef[] {
  return found.filter((s) => s.residentIdHmac !== null && i.hmacs.includes(s.residentIdHmac) && EVENT_TYPES_BY_SUBJECT_TYPE[s.type].includes(i.item.type as EventType));
}

interface StoredEvent {
  id: string;
  inputHash: string;
}

interface SourceKey {
  sourceSystem: string;
  sourceRef: string;
}

/**
 * The source keys of unvalidated items, trimmed as normalizeEventItem trims them, for the duplicate check
 * that runs during validation. Keys that are not text are left out: validation refuses those items.
 */
function sourceKeysOf(items: readonly unknown[]): SourceKey[] {
  const keys: SourceKey[] = [];
  for (const raw of items) {
    const r = raw as { sourceSystem?: unknown; sourceRef?: unknown } | null;
    if (typeof r?.sourceSystem !== 'string' || typeof r.sourceRef !== 'string') continue;
    const sourceSystem = r.sourceSystem.trim();
    const sourceRef = r.sourceRef.trim();
    if (sourceSystem !== '' && sourceRef !== '') keys.push({ sourceSystem, sourceRef });
  }
  return keys;
}

function conflict(message: string) {
  return { field: 'sourceRef', reason: 'CONFLICT', message };
}


/**
 * One object literal with every column (the type makes the compiler check none is missing): copying
 * contentOf's object and adding the rest to it made V8 switch it to a slow dictionary, 2 KB per event (B1).
 */
function eventRow(i: BatchItem, actor: string, now: Date): Omit<EventRecord, 'id'> {
  const c = i.item;
  return {
    subjectId: i.subject!.id,
    type: c.type,
    status: c.status,
    legalBasis: c.legalBasis,
    decisionNo: c.decisionNo,
    authority: c.authority,
    regionCode: c.regionCode,
    occurredOn: c.occurredOn,
    decidedOn: c.decidedOn,
    amountInvolvedFen: c.amountInvolvedFen,
    fineFen: c.fineFen,
    fineMultiple: c.fineMultiple,
    suspensionDays: c.suspensionDays,
    responsibility: c.responsibility,
    selfReported: c.selfReported,
    inspectionKind: c.inspectionKind,
    assessmentResult: c.assessmentResult,
    version: 1,
    sourceSystem: c.sourceSystem,
    sourceRef: c.sourceRef,
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
