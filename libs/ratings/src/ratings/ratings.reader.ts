import { isRowId } from '@app/common/orm';
import { DomainError } from '@app/common';
import { addDays, isIsoDate, shanghaiStartOfDay, SubjectType } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RescoreService } from './rescore.service';
import { RatingOutcome } from './rating-outcome';
import { outcomeFromRow, RatingRow } from './rating-row';

/** api-contract.md: at most 10,000 keys per ratings query. */
export const MAX_RATING_KEYS = 10_000;

export interface RatingAnswer extends RatingOutcome {
  subjectId: string | null;
  creditCode: string | null;
  hasRecord: boolean;
  computedAt: Date | null;
}

export interface RatingKeys {
  subjectIds?: readonly string[] | null;
  creditCodes?: readonly string[] | null;
  asOf?: string | null;
}

interface Row extends RatingRow {
  id: string | number;
  credit_code: string | null;
  key_value: string;
  computed_at: Date | null;
}

const COLUMNS = `s.id, s.credit_code, s.type, r.score, r.grade, r.status, r.inspection_factor, r.key_supervision,
  r.deposit_retention, r.termination_recommended, r.not_rated, r.rule_set_version, r.explanation, r.computed_at`;

/**
 * The budget module's read (consumers.md): up to 10,000 ratings in one request, in the order asked, current or
 * as they stood at the end of a past day. One SQL round trip whatever the number of keys (raw rows, no entity
 * hydration); a subject without a rating, or unknown, is answered with the clean-record default and
 * `hasRecord: false`.
 */
@Injectable()
export class RatingsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rescoring: RescoreService,
  ) {}

  async forKeys({ subjectIds, creditCodes, asOf }: RatingKeys): Promise<RatingAnswer[]> {
    const byCode = !!creditCodes;
    if (!subjectIds === !creditCodes) {
      throw DomainError.badInput('give exactly one of subjectIds or creditCodes', { field: 'subjectIds', reason: 'INVALID_VALUE' });
    }
    const keys = (subjectIds ?? creditCodes)!.map((k) => (byCode ? k.trim().toUpperCase() : k.trim()));
    if (keys.length > MAX_RATING_KEYS) {
      throw DomainError.badInput(`at most ${MAX_RATING_KEYS} keys per call`, { field: byCode ? 'creditCodes' : 'subjectIds', reason: 'BATCH_TOO_LARGE' });
    }
    if (asOf !== null && asOf !== undefined && !isIsoDate(asOf)) {
      throw DomainError.badInput('asOf must be a calendar date', { field: 'asOf', reason: 'INVALID_DATE' });
    }
    const rows = keys.length === 0 ? [] : await this.read(keys, byCode, asOf ?? null);
    const found = new Map(rows.map((r) => [r.key_value, r]));
    const defaults = new Map<SubjectType, RatingOutcome>();
    const answers: RatingAnswer[] = [];
    for (const key of keys) {
      const row = found.get(key);
      answers.push(row?.score !== null && row?.score !== undefined ? fromRow(row) : await this.fallback(key, byCode, row, asOf ?? null, defaults));
    }
    return answers;
  }

  private async read(keys: string[], byCode: boolean, asOf: string | null): Promise<Row[]> {
    const keyColumn = byCode ? 's.credit_code' : 's.id';
    const valid = byCode ? keys : keys.filter(isRowId);
    if (valid.length === 0) return [];
    if (asOf === null) {
      return this.dataSource.query(
        `SELECT ${COLUMNS}, CAST(${keyColumn} AS CHAR) AS key_value FROM subjects s LEFT JOIN ratings r ON r.subject_id = s.id WHERE ${keyColumn} IN (?)`,
        [valid],
      );
    }
    // The last history row computed before the next Shanghai midnight: the rating as it stood at the end of asOf.
    const cutoff = shanghaiStartOfDay(addDays(asOf, 1));
    return this.dataSource.query(
      `SELECT ${COLUMNS}, CAST(${keyColumn} AS CHAR) AS key_value
         FROM subjects s
         LEFT JOIN rating_history r ON r.id = (
           SELECT MAX(h.id) FROM rating_history h WHERE h.subject_id = s.id AND h.computed_at < ?)
        WHERE ${keyColumn} IN (?)`,
      [cutoff, valid],
    );
  }

  private async fallback(
    key: string,
    byCode: boolean,
    row: Row | undefined,
    asOf: string | null,
    cache: Map<SubjectType, RatingOutcome>,
  ): Promise<RatingAnswer> {
    // Unknown keys are institutions or pharmacies as far as the budget module is concerned (it asks by credit code).
    const type = row?.type ?? SubjectType.MEDICAL_INSTITUTION;
    let outcome = cache.get(type);
    if (!outcome) {
      outcome = await this.rescoring.cleanRecord(type, asOf);
      cache.set(type, outcome);
    }
    return {
      ...outcome,
      subjectId: row ? String(row.id) : byCode ? null : key,
      creditCode: row ? row.credit_code : byCode ? key : null,
      hasRecord: false,
      computedAt: null,
    };
  }
}

function fromRow(r: Row): RatingAnswer {
  return { ...outcomeFromRow(r), subjectId: String(r.id), creditCode: r.credit_code, hasRecord: true, computedAt: r.computed_at };
}
