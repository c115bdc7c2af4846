import { decodeCursor, DomainError, Page, pageSize, toPage } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RatingAnswer } from './ratings.reader';
import { outcomeFromRow, RatingRow } from './rating-row';

export interface RatingChangeAnswer extends RatingAnswer {
  /** Position in the rating-changes stream: commit order, no gaps, the cursor's key. */
  seq: string;
}

/**
 * Rating changes in commit order, for caches on the budget side (consumers.md): a consumer keeps the last
 * cursor and asks for what came after it. Keyset paging on `seq` (unique index), whose positions are handed out
 * in commit order without gaps: once a page shows position N, no change below N can appear later, so a
 * follower never skips one.
 */
@Injectable()
export class RatingChangesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(after: string | null | undefined, first: number | null | undefined): Promise<Page<RatingChangeAnswer>> {
    const size = pageSize(first, 1000, 10_000);
    const from = after ? cursorSeq(after) : '0';
    const rows: (RatingRow & { seq: string | number; subject_id: string | number; credit_code: string | null; computed_at: Date })[] = await this.dataSource.query(
      `SELECT h.seq, h.subject_id, s.credit_code, h.subject_type AS type, h.score, h.grade, h.status, h.inspection_factor,
              h.key_supervision, h.deposit_retention, h.termination_recommended, h.not_rated, h.investigation_hold,
              h.settlement_suspended_until, h.rule_set_version, h.explanation, h.computed_at
         FROM rating_history h JOIN subjects s ON s.id = h.subject_id
        WHERE h.seq > ? ORDER BY h.seq LIMIT ?`,
      [from, size + 1],
    );
    return toPage(rows.map(toAnswer), size, (r) => [r.seq]);
  }
}

function cursorSeq(after: string): string {
  const seq = String(decodeCursor(after, 1)[0]);
  if (!/^\d{1,20}$/.test(seq)) throw DomainError.badInput('the cursor is not one this API issued', { field: 'after', reason: 'INVALID_CURSOR' });
  return seq;
}

function toAnswer(r: RatingRow & { seq: string | number; subject_id: string | number; credit_code: string | null; computed_at: Date }): RatingChangeAnswer {
  return { ...outcomeFromRow(r), seq: String(r.seq), subjectId: String(r.subject_id), creditCode: r.credit_code, hasRecord: true, computedAt: r.computed_at };
}
