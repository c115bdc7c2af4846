import { isRowId } from '@app/common/orm';
import { DomainError } from '@app/common';
import { CreditEvent, isIsoDate, isValidCreditCode, RuleSet, shanghaiDate, SubjectType } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ruleSetInForce } from '../rule-sets/rule-set-in-force';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { cleanRecordOutcome } from './clean-record';
import { rateOutcomes, RuleSetOn } from './rate-subjects';
import { RatingOutcome } from './rating-outcome';
import { RatingField, storedColumns } from './rating-columns';
import { explanationFromRow, RatingRow } from './rating-row';
import { readCreditEventsByKeys, readCreditEventsKnownAt, readCreditEventsOf } from './subject-events.reader';
import { SubjectRow, subjectRowsByKeys } from './subject-rows.reader';

/** api-contract.md: at most 10,000 keys per ratings query. */
export const MAX_RATING_KEYS = 10_000;

export interface RatingAnswer extends RatingOutcome {
  subjectId: string | null;
  creditCode: string | null;
  /** False for a subject the service does not know (then the answer is the clean-record default). */
  hasRecord: boolean;
  computedAt: Date | null;
}

export interface RatingKeys {
  subjectIds?: readonly string[] | null;
  creditCodes?: readonly string[] | null;
  /** Valid time: the rating in force at the end of this day, computed from the events known now. */
  asOf?: string | null;
  /** Transaction time: what the service said at this moment (alone), or knew then (with asOf). */
  knownAt?: Date | null;
}

interface StoredRow extends RatingRow, SubjectRow {
  key_value: string;
  computed_at: Date | null;
  score: number;
}

type Found = Map<string, { subject: SubjectRow; stored: StoredRow | null }>;

/**
 * What a caller reads of the answers. Stored answers are read only for `fields` (null: every field); the
 * others are left at null, false, 0 or empty, and the caller must not read them (GraphQL resolves only the
 * fields a query selects). The explanation is the costliest column: JSON, one line per counting event.
 */
export interface RatingReadOptions {
  fields: ReadonlySet<RatingField> | null;
}

const FULL_READ: RatingReadOptions = { fields: null };

/**
 * The budget module's read (consumers.md): up to 10,000 ratings in one request, in the order asked, on two time
 * axes. Without dates: the stored current rating. `asOf`: computed now from every event known now, decided by
 * then, with the rule set in force that day (an imported decision of 2024 counts for 2024). `knownAt`: the
 * answer the service gave at that moment, from the kept history. Both: computed from the events as they were
 * known at `knownAt` (event versions and rule sets of then), as of `asOf`. A constant number of SQL round trips
 * whatever the number of keys (raw rows, no entity hydration); an unknown subject gets the clean-record
 * default and `hasRecord: false`.
 */
@Injectable()
export class RatingsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
  ) {}

  async forKeys(query: RatingKeys, read: RatingReadOptions = FULL_READ): Promise<RatingAnswer[]> {
    const { keys, byCode } = validKeys(query);
    const asOf = validAsOf(query.asOf);
    const knownAt = validKnownAt(query.knownAt);
    if (keys.length === 0) return [];
    const now = new Date();
    const day = asOf ?? (knownAt ? shanghaiDate(knownAt) : shanghaiDate(now));
    // The queries do not depend on each other's answers, so they go out together: the subjects (with their
    // stored ratings), for asOf from the events known now the events, and the rule sets whenever a date is
    // given. The current ratings need no rule set unless a key has no stored rating: then they are read after.
    const dated = asOf !== null || knownAt !== null;
    const [preloaded, found, events] = await Promise.all([
      dated ? this.ruleSets.bodies(null, knownAt) : null,
      this.find(keys, byCode, asOf, knownAt, read),
      asOf !== null && knownAt === null ? readCreditEventsByKeys(this.dataSource.manager, keys, byCode) : null,
    ]);
    const ruleSets = preloaded ?? (keys.some((k) => !found.get(k)?.stored) ? await this.ruleSets.bodies(null, null) : []);
    const ruleSetOn: RuleSetOn = (type, day) => ruleSetInForce(ruleSets, type, day);
    const computed = await this.compute(found, asOf, knownAt, ruleSetOn, day, events);
    // Every unknown key gets the same clean record: rate it once per request, not once per key.
    let unknown: RatingOutcome | undefined;
    return keys.map((key) => {
      const hit = found.get(key);
      if (!hit) return unknownSubject(key, byCode, (unknown ??= cleanRecordOutcome(ruleSetOn(SubjectType.MEDICAL_INSTITUTION, day), day)));
      // The hot path (10,000 stored ratings): one object per answer, built in one literal.
      if (hit.stored) return storedAnswer(hit.stored);
      const fresh = computed.get(String(hit.subject.id));
      // knownAt alone, and no rating stored by then: the service answered the subject's clean record.
      if (!fresh) return answerOf(cleanRecordOutcome(ruleSetOn(hit.subject.type, day), day, hit.subject.agreement_signed_on), hit.subject, false, null);
      return answerOf(fresh, hit.subject, true, now);
    });
  }

  /** The known subjects of the keys, with their stored rating when the question is answered from storage. */
  private async find(keys: string[], byCode: boolean, asOf: string | null, knownAt: Date | null, read: RatingReadOptions): Promise<Found> {
    const found: Found = new Map();
    let rows: StoredRow[];
    if (asOf !== null) {
      rows = (await subjectRowsByKeys(this.dataSource.manager, keys, byCode, knownAt)) as StoredRow[];
      for (const r of rows) found.set(r.key_value, { subject: r, stored: null });
      return found;
    }
    const keyColumn = byCode ? 's.credit_code' : 's.id';
    const columns = storedColumns(read.fields);
    if (knownAt === null) {
      rows = await this.dataSource.query(`SELECT ${columns} FROM subjects s LEFT JOIN ratings r ON r.subject_id = s.id WHERE ${keyColumn} IN (?)`, [keys]);
    } else {
      // The last change the service had recorded at that moment (seq follows commit order).
      rows = await this.dataSource.query(
        `SELECT ${columns}
           FROM subjects s
           LEFT JOIN rating_history r ON r.seq = (
             SELECT MAX(h.seq) FROM rating_history h WHERE h.subject_id = s.id AND h.computed_at <= ?)
          WHERE ${keyColumn} IN (?)`,
        [knownAt, keys],
      );
    }
    // The key a row was found by: its credit code as stored, or its id as a string (bigint ids come as strings).
    for (const r of rows) found.set(byCode ? (r.credit_code as string) : String(r.id), { subject: r, stored: r.score === null ? null : r });
    return found;
  }

  /**
   * Ratings computed on the spot: every subject for `asOf`; for the current rating, a subject registered a
   * moment ago whose queued first rating is not stored yet (so a new institution reads NOT_RATED at once).
   */
  private async compute(
    found: Found,
    asOf: string | null,
    knownAt: Date | null,
    ruleSetOn: RuleSetOn,
    day: string,
    loaded: Map<string, CreditEvent[]> | null,
  ): Promise<Map<string, RatingOutcome>> {
    if (asOf === null && knownAt !== null) return new Map();
    const subjects = [...found.values()].filter((f) => !f.stored).map((f) => f.subject);
    if (subjects.length === 0) return new Map();
    const ids = subjects.map((s) => String(s.id));
    const events: Map<string, CreditEvent[]> =
      loaded ?? (knownAt ? await readCreditEventsKnownAt(this.dataSource.manager, ids, knownAt) : await readCreditEventsOf(this.dataSource.manager, ids));
    return rateOutcomes(subjects, events, ruleSetOn, day);
  }
}

/** A computed outcome with its subject's identity: one literal of one shape (asOf builds 10,000 of them, spreads cost). */
function answerOf(o: RatingOutcome, s: Pick<SubjectRow, 'credit_code'> & { id: SubjectRow['id'] | null }, hasRecord: boolean, computedAt: Date | null): RatingAnswer {
  return {
    subjectId: s.id === null ? null : String(s.id),
    creditCode: s.credit_code,
    hasRecord,
    computedAt,
    subjectType: o.subjectType,
    score: o.score,
    grade: o.grade,
    status: o.status,
    inspectionFactor: o.inspectionFactor,
    keySupervision: o.keySupervision,
    depositRetention: o.depositRetention,
    terminationRecommended: o.terminationRecommended,
    notRated: o.notRated,
    investigationHold: o.investigationHold,
    settlementSuspendedUntil: o.settlementSuspendedUntil,
    ruleSetVersion: o.ruleSetVersion,
    explanation: o.explanation,
  };
}

/** A stored rating with its subject's identity, for the fields read (see RatingReadOptions), in one literal. */
function storedAnswer(r: StoredRow): RatingAnswer {
  return {
    subjectId: String(r.id),
    creditCode: r.credit_code,
    hasRecord: true,
    computedAt: r.computed_at ?? null,
    subjectType: r.type,
    score: Number(r.score),
    grade: (r.grade ?? null) as RatingAnswer['grade'],
    status: (r.status ?? null) as RatingAnswer['status'],
    inspectionFactor: r.inspection_factor === null || r.inspection_factor === undefined ? null : Number(r.inspection_factor),
    keySupervision: r.key_supervision === 1,
    depositRetention: r.deposit_retention === 1,
    terminationRecommended: r.termination_recommended === 1,
    notRated: r.not_rated === 1,
    investigationHold: r.investigation_hold === 1,
    settlementSuspendedUntil: r.settlement_suspended_until ?? null,
    ruleSetVersion: r.rule_set_version === undefined ? 0 : Number(r.rule_set_version),
    explanation: r.explanation === undefined ? [] : explanationFromRow(r),
  };
}

/** Unknown keys are institutions or pharmacies as far as the budget module is concerned (it asks by credit code). */
function unknownSubject(key: string, byCode: boolean, clean: RatingOutcome): RatingAnswer {
  return answerOf(clean, { id: byCode ? null : key, credit_code: byCode ? key : null }, false, null);
}

/** Exactly one key list, at most 10,000 keys, each well-formed (a malformed one is named by its index). */
function validKeys({ subjectIds, creditCodes }: RatingKeys): { keys: string[]; byCode: boolean } {
  if (!subjectIds === !creditCodes) {
    throw DomainError.badInput('give exactly one of subjectIds or creditCodes', { field: 'subjectIds', reason: 'INVALID_VALUE' });
  }
  const byCode = !!creditCodes;
  const field = byCode ? 'creditCodes' : 'subjectIds';
  const raw = (subjectIds ?? creditCodes)!;
  if (raw.length > MAX_RATING_KEYS) {
    throw DomainError.badInput(`at most ${MAX_RATING_KEYS} keys per call`, { field, reason: 'BATCH_TOO_LARGE' });
  }
  const keys = raw.map((k) => (byCode ? k.trim().toUpperCase() : k.trim()));
  const bad = keys.findIndex((k) => (byCode ? !isValidCreditCode(k) : !isRowId(k)));
  if (bad >= 0) {
    throw byCode
      ? DomainError.badInput(`creditCodes[${bad}] is not a valid unified social credit code`, { field, index: bad, reason: 'INVALID_CREDIT_CODE' })
      : DomainError.badInput(`subjectIds[${bad}] is not a subject id`, { field, index: bad, reason: 'INVALID_ID' });
  }
  return { keys, byCode };
}

function validAsOf(asOf: string | null | undefined): string | null {
  if (asOf === null || asOf === undefined) return null;
  if (!isIsoDate(asOf)) throw DomainError.badInput('asOf must be a calendar date', { field: 'asOf', reason: 'INVALID_DATE' });
  if (asOf > shanghaiDate(new Date())) {
    throw DomainError.badInput('asOf must not be in the future: a rating of a day to come is not known yet', { field: 'asOf', reason: 'INVALID_DATE' });
  }
  return asOf;
}

function validKnownAt(knownAt: Date | null | undefined): Date | null {
  if (knownAt === null || knownAt === undefined) return null;
  if (!(knownAt instanceof Date) || Number.isNaN(knownAt.getTime())) {
    throw DomainError.badInput('knownAt must be a date-time', { field: 'knownAt', reason: 'INVALID_DATE' });
  }
  if (knownAt.getTime() > Date.now()) {
    throw DomainError.badInput('knownAt must not be in the future', { field: 'knownAt', reason: 'INVALID_DATE' });
  }
  return knownAt;
}
