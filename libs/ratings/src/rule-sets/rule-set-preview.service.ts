import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { AppConfig } from '@app/config';
import { RuleSet, SubjectType, validateRuleSet } from '@app/credit';
import { OutboxMessage } from '@app/registry/outbox/outbox-message.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ruleSetInForce } from './rule-set-in-force';
import { RuleSetPreviewRecord, RuleSetPreviewStatus, StoredGradeChange } from './rule-set-preview.entity';
import { rateLoaded } from '../ratings/rate-subjects';
import { readCreditEventsOf } from '../ratings/subject-events.reader';
import { SubjectRow, subjectRowsAfter } from '../ratings/subject-rows.reader';
import { headline } from '../ratings/rating-outcome';
import { RuleSetsService } from './rule-sets.service';

const CHUNK = 1000;
/** The outbox topic of a queued preview: its subject_id column holds the preview's id. The worker's relay routes it. */
export const RULE_SET_PREVIEW_TOPIC = 'rule-set-preview';
/** A queued preview keeps at most this many changes (plus the count of all of them). */
export const RULE_SET_PREVIEW_LIST_MAX = 1000;

export type GradeChangePreview = StoredGradeChange;

export interface RuleSetPreview {
  /** The stored preview to poll; null for one answered inside the request (nothing is stored then). */
  id: string | null;
  status: RuleSetPreviewStatus;
  /** Answered inside the request (true), or computed by the worker (false). */
  inline: boolean;
  subjectType: SubjectType;
  version: number;
  effectiveFrom: string;
  subjectsTotal: number;
  subjectsCompared: number;
  gradeChanges: number;
  changes: GradeChangePreview[];
  error: string | null;
  requestedAt: Date | null;
  finishedAt: Date | null;
}

/** What a comparison has found so far: the whole answer inline, a chunk's checkpoint in the worker. */
interface Tally {
  subjectsCompared: number;
  gradeChanges: number;
  changes: GradeChangePreview[];
}

/**
 * What a rule set would change before it takes effect (consumers.md, regulators): every subject of its type is
 * rated as of the new effective date twice, with the rules that would otherwise be in force and with the
 * candidate, so the difference is the rules' alone, not time's.
 *
 * Up to RULE_SET_PREVIEW_INLINE_MAX subjects of the type the answer comes inside the request and nothing is
 * stored. Above it, the request stores the candidate as a QUEUED preview with an outbox message in one
 * transaction (the API has no queue connection: the worker's outbox relay turns the message into a job, also
 * while Redis was down at request time) and answers with the preview's id; the worker compares the subjects in
 * keyset chunks, checkpointing after each, and the caller polls ruleSetPreview(id).
 */
@Injectable()
export class RuleSetPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async preview(candidate: unknown, listAtMost: number, actor: string): Promise<RuleSetPreview> {
    const problems = validateRuleSet(candidate);
    if (problems.length > 0) {
      throw DomainError.badInput(`the rule set is not valid: ${problems.slice(0, 5).join('; ')}`, { field: 'ruleSet', reason: 'INVALID_RULE_SET', problems });
    }
    const next = candidate as RuleSet;
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM subjects WHERE type = ?', [next.subjectType]);
    const subjectsTotal = Number(n);
    if (subjectsTotal > this.config.ruleSetPreviewInlineMax) {
      return this.enqueue(next, Math.min(listAtMost, RULE_SET_PREVIEW_LIST_MAX), subjectsTotal, actor);
    }
    const current = await this.ruleSets.bodies(next.subjectType);
    const tally: Tally = { subjectsCompared: 0, gradeChanges: 0, changes: [] };
    for (let after = '0'; ; ) {
      const subjects = await this.chunkAfter(next.subjectType, after);
      if (subjects.length === 0) break;
      after = String(subjects[subjects.length - 1].id);
      await this.compare(subjects, current, next, tally, listAtMost);
    }
    return {
      id: null,
      status: RuleSetPreviewStatus.DONE,
      inline: true,
      subjectType: next.subjectType,
      version: next.version,
      effectiveFrom: next.effectiveFrom,
      subjectsTotal: Math.max(subjectsTotal, tally.subjectsCompared),
      ...tally,
      error: null,
      requestedAt: null,
      finishedAt: null,
    };
  }

  /** A stored preview, for polling. */
  async find(id: string): Promise<RuleSetPreview> {
    const record = /^[0-9]{1,20}$/.test(id) ? await this.dataSource.getRepository(RuleSetPreviewRecord).findOneBy({ id }) : null;
    if (!record) throw DomainError.notFound('no such rule-set preview', { field: 'id' });
    return toPreview(record);
  }

  /**
   * The worker's part: compares the subjects after the checkpoint in keyset chunks, storing counts, the bounded
   * list and the checkpoint after each chunk, so memory stays flat and a retried job resumes where the last one
   * stopped. A preview already DONE or FAILED is left alone (BullMQ delivers at least once).
   */
  async runQueued(id: string, onChunk?: (p: RuleSetPreview) => void, chunkSize = CHUNK): Promise<RuleSetPreview> {
    const repo = this.dataSource.getRepository(RuleSetPreviewRecord);
    const record = await repo.findOneBy({ id });
    if (!record) throw new Error(`rule-set preview ${id} does not exist`);
    if (record.status === RuleSetPreviewStatus.DONE || record.status === RuleSetPreviewStatus.FAILED) return toPreview(record);
    record.status = RuleSetPreviewStatus.RUNNING;
    record.startedAt ??= new Date();
    await repo.update({ id }, { status: record.status, startedAt: record.startedAt });
    const next = record.ruleSet as unknown as RuleSet;
    const current = await this.ruleSets.bodies(next.subjectType);
    const tally: Tally = { subjectsCompared: record.subjectsCompared, gradeChanges: record.gradeChanges, changes: record.changes };
    for (;;) {
      const subjects = await this.chunkAfter(record.subjectType, record.lastSubjectId, chunkSize);
      if (subjects.length === 0) break;
      await this.compare(subjects, current, next, tally, record.listAtMost);
      record.lastSubjectId = String(subjects[subjects.length - 1].id);
      Object.assign(record, tally);
      await repo.update({ id }, { lastSubjectId: record.lastSubjectId, ...tally });
      onChunk?.(toPreview(record));
    }
    record.status = RuleSetPreviewStatus.DONE;
    record.finishedAt = new Date();
    record.subjectsTotal = Math.max(record.subjectsTotal, record.subjectsCompared);
    await repo.update({ id }, { status: record.status, finishedAt: record.finishedAt, subjectsTotal: record.subjectsTotal });
    return toPreview(record);
  }

  /** The job gave up: the poll says so, with the reason. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(RuleSetPreviewRecord)
      .update({ id }, { status: RuleSetPreviewStatus.FAILED, error: reason.slice(0, 500), finishedAt: new Date() });
  }

  private async enqueue(next: RuleSet, listAtMost: number, subjectsTotal: number, actor: string): Promise<RuleSetPreview> {
    return this.dataSource.transaction(async (em) => {
      const record = em.getRepository(RuleSetPreviewRecord).create({
        status: RuleSetPreviewStatus.QUEUED,
        subjectType: next.subjectType,
        version: next.version,
        effectiveFrom: next.effectiveFrom,
        ruleSet: next as unknown as Record<string, unknown>,
        listAtMost,
        subjectsTotal,
        subjectsCompared: 0,
        gradeChanges: 0,
        changes: [],
        lastSubjectId: '0',
        error: null,
        requestedBy: actor,
        requestedAt: new Date(),
        startedAt: null,
        finishedAt: null,
      });
      await em.getRepository(RuleSetPreviewRecord).save(record);
      // The outbox row names the preview in its id column: the relay turns it into a rule-set-preview job.
      await em
        .getRepository(OutboxMessage)
        .insert({ topic: RULE_SET_PREVIEW_TOPIC, subjectId: String(record.id), createdAt: record.requestedAt, deliveredAt: null });
      await this.audit.append(em, [
        {
          actor,
          action: 'ruleset.preview',
          targetType: 'rule_set_preview',
          targetId: String(record.id),
          diff: { subjectType: next.subjectType, version: next.version, effectiveFrom: next.effectiveFrom, subjectsTotal },
        },
      ]);
      return toPreview(record);
    });
  }

  private chunkAfter(type: SubjectType, after: string, size = CHUNK): Promise<SubjectRow[]> {
    return subjectRowsAfter(this.dataSource.manager, after, size, type);
  }

  /**
   * Rates one chunk under both rule sets and adds what differs to the tally (the list up to `listAtMost`): the chunk on the candidate's effective date with the stored versions and with the candidate added.
   * Past year-end grades are rated with the rules of then in both cases, so only the candidate differs.
   */
  private async compare(subjects: SubjectRow[], current: RuleSet[], next: RuleSet, tally: Tally, listAtMost: number): Promise<void> {
    const events = await readCreditEventsOf(this.dataSource.manager, subjects.map((s) => String(s.id)));
    const withCandidate = [...current, next];
    const before = rateLoaded(subjects, events, (type, day) => ruleSetInForce(current, type, day), next.effectiveFrom);
    const after = rateLoaded(subjects, events, (type, day) => ruleSetInForce(withCandidate, type, day), next.effectiveFrom);
    subjects.forEach((s, i) => {
      const [from, to] = [before[i].outcome, after[i].outcome];
      if (headline(from) === headline(to)) return;
      tally.gradeChanges++;
      if (tally.changes.length < listAtMost) {
        tally.changes.push({ subjectId: String(s.id), creditCode: s.credit_code ?? null, fromGrade: headline(from), toGrade: headline(to), fromScore: from.score, toScore: to.score });
      }
    });
    tally.subjectsCompared += subjects.length;
  }
}

function toPreview(r: RuleSetPreviewRecord): RuleSetPreview {
  return {
    id: String(r.id),
    status: r.status,
    inline: false,
    subjectType: r.subjectType,
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    subjectsTotal: r.subjectsTotal,
    subjectsCompared: r.subjectsCompared,
    gradeChanges: r.gradeChanges,
    changes: r.changes,
    error: r.error,
    requestedAt: r.requestedAt,
    finishedAt: r.finishedAt,
  };
}
