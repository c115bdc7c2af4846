import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import {
  maskResidentId,
  normalizeSubjectItem,
  NormalizedSubjectItem,
  RegisterSubjectItem,
  shanghaiDate,
  validateSubjectItem,
} from '@app/credit';
import { retryingTransaction } from '@app/database';
import { OutboxNudger } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ResidentIdCipher } from '../pii';
import { announceSubjectChanges } from '../outbox/outbox';
import { badItem, checkBatchSize } from './batch-limits';
import { EmploymentsWriter } from './employments.writer';
import { SubjectDirectory } from './subject-directory';
import { subjectKey } from './subject-key';
import { Subject } from './subject.entity';

interface PreparedSubject {
  index: number;
  item: NormalizedSubjectItem;
  key: string;
  hmac: string | null;
  /** The ID's lookup hash under every configured key (current first): during a rotation a subject may hold either. */
  hmacs: string[];
}

/** Registration of subjects (api-contract.md `registerSubjects`): bulk, all-or-nothing, idempotent by natural key. */
@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: ResidentIdCipher,
    private readonly directory: SubjectDirectory,
    private readonly employments: EmploymentsWriter,
    private readonly nudger: OutboxNudger,
  ) {}

  /**
   * Returns one subject per item, in order. A natural key seen before returns the existing subject unchanged,
   * except that a practitioner named with a new employer gets a new employment (the old one is closed).
   */
  async register(items: readonly unknown[], actor: string): Promise<Subject[]> {
    checkBatchSize(items);
    const today = shanghaiDate(new Date());
    const prepared = items.map((raw, index) => this.prepare(raw, index, today));
    let announced = false;
    const registered = await retryingTransaction(this.dataSource, async (em) => {
      const { byKey, created: newIds } = await this.upsert(em, prepared);
      announced = newIds.length > 0;
      const subjects = prepared.map((p) => byKey.get(p.key)!);
      // A new subject is announced like an event: its first rating is queued from registration on (e.g.
      // NOT_RATED for an agreement signed less than 6 months ago), so every registered subject gets one.
      await announceSubjectChanges(em, newIds, new Date(), false);
      const created = await this.employments.apply(em, prepared.map((p, i) => ({ index: p.index, item: p.item, practitioner: subjects[i] })), today);
      await this.audit.append(em, [auditRecord(actor, subjects, created)]);
      return subjects;
    });
    if (announced) this.nudger.nudge(); // committed: the relay looks now instead of at its next poll
    return registered;
  }

  private prepare(raw: unknown, index: number, today: string): PreparedSubject {
    const found = validateSubjectItem(raw, today);
    if (found) throw badItem(index, found);
    const item = normalizeSubjectItem(raw as RegisterSubjectItem);
    const hmacs = item.residentId ? this.cipher.lookupHashes(item.residentId) : [];
    const hmac = hmacs[0] ?? null;
    const key = subjectKey({ type: item.type, creditCode: item.creditCode, residentIdHmac: hmac, professionKey: item.profession ?? '' });
    return { index, item, key, hmac, hmacs };
  }

  /** Inserts the subjects not stored yet; returns every subject of the batch by natural key, and the new ids. */
  private async upsert(em: EntityManager, prepared: PreparedSubject[]): Promise<{ byKey: Map<string, Subject>; created: string[] }> {
    const keys = {
      creditCodes: prepared.flatMap((p) => (p.item.creditCode ? [p.item.creditCode] : [])),
      residentIdHmacs: prepared.flatMap((p) => p.hmacs),
    };
    // A subject not yet re-keyed by a rotation holds the old hash: key it by the current one, as the batch is.
    const current = new Map(prepared.flatMap((p) => p.hmacs.map((h) => [h, p.hmac!] as const)));
    const keyOf = (s: Subject): string => subjectKey({ ...s, residentIdHmac: s.residentIdHmac && (current.get(s.residentIdHmac) ?? s.residentIdHmac) });
    const stored = await this.directory.find(em, keys);
    checkTypeConflicts(prepared, stored);
    const known = new Set(stored.map(keyOf));
    const fresh = new Map<string, PreparedSubject>();
    for (const p of prepared) if (!known.has(p.key) && !fresh.has(p.key)) fresh.set(p.key, p);
    if (fresh.size > 0) {
      const now = new Date();
      await em
        .createQueryBuilder()
        .insert()
        .into(Subject)
        .values([...fresh.values()].map((p) => this.row(p, now)))
        .updateEntity(false)
        .execute();
    }
    const all = fresh.size > 0 ? await this.directory.find(em, keys) : stored;
    const byKey = new Map(all.map((s) => [keyOf(s), s]));
    return { byKey, created: [...fresh.keys()].map((key) => byKey.get(key)!.id) };
  }

  private row(p: PreparedSubject, now: Date): Partial<Subject> {
    const { item } = p;
    return {
      type: item.type,
      name: item.name,
      creditCode: item.creditCode,
      residentIdHmac: p.hmac,
      residentIdEnc: item.residentId ? this.cipher.encrypt(item.residentId) : null,
      residentIdKeyId: item.residentId ? this.cipher.keyId : null,
      residentIdFeedKey: p.hmac,
      residentIdMasked: item.residentId ? maskResidentId(item.residentId) : null,
      profession: item.profession,
      professionKey: item.profession ?? '',
      regionCode: item.regionCode,
      agreementSignedOn: item.agreementSignedOn,
      category: item.category,
      createdAt: now,
      eventRevision: 0,
    };
  }

  /** The clear resident ID, for the roles allowed to see it; the reveal is audited. */
  async revealResidentId(id: string, actor: string): Promise<string | null> {
    return this.dataSource.transaction(async (em) => {
      const row = await em
        .getRepository(Subject)
        .createQueryBuilder('s')
        .addSelect('s.residentIdEnc')
        .addSelect('s.residentIdKeyId')
        .where('s.id = :id', { id })
        .getOne();
      if (!row?.residentIdEnc) return null;
      await this.audit.append(em, [{ actor, action: 'subject.reveal_resident_id', targetType: 'subject', targetId: id, diff: {} }]);
      return this.cipher.decrypt(row.residentIdEnc, row.residentIdKeyId);
    });
  }
}

/** A credit code already registered as the other organisation type is a contradiction, not a new subject. */
function checkTypeConflicts(prepared: PreparedSubject[], stored: Subject[]): void {
  const typeByCode = new Map(stored.filter((s) => s.creditCode).map((s) => [s.creditCode!, s.type]));
  for (const p of prepared) {
    if (!p.item.creditCode) continue;
    const known = typeByCode.get(p.item.creditCode);
    if (known && known !== p.item.type) {
      throw DomainError.conflict(`item ${p.index}: the credit code is registered as ${known}`, { index: p.index, field: 'type' });
    }
    if (!known) typeByCode.set(p.item.creditCode, p.item.type);
  }
}

function auditRecord(actor: string, subjects: Subject[], employments: number) {
  const unique = [...new Map(subjects.map((s) => [s.id, s])).values()];
  return {
    actor,
    action: 'subjects.register',
    targetType: 'subject',
    targetId: unique.length === 1 ? unique[0].id : `batch:${unique.length}`,
    // Masked IDs only: the audit log is readable by auditors and must not hold personal data in clear.
    diff: {
      subjects: unique.map((s) => ({ id: s.id, type: s.type, key: s.creditCode ?? s.residentIdMasked })),
      employmentsOpened: employments,
    },
  };
}
