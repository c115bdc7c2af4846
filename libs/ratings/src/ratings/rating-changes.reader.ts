import { decodeCursor, DomainError, Page, pageSize, toPage } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RatingAnswer } from './ratings.reader';

export interface RatingChangeAnswer extends RatingAnswer {
  /** Position in the change stream (the history row's id): strictly increasing, the cursor's key. */
  seq: string;
}

/**
 * Rating changes in the order they were recorded, for caches on the budget side (consumers.md): a consumer
 * keeps the last cursor and asks for what came after it. Keyset paging on the history table's primary key.
 */
@Injectable()
export class RatingChangesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(after: string | null | undefined, first: number | null | undefined): Promise<Page<RatingChangeAnswer>> {
    const size = pageSize(first, 1000, 10_000);
    const from = after ? cursorSeq(after) : '0';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT h.id AS seq, h.subject_id, s.credit_code, h.subject_type, h.score, h.grade, h.status, h.inspection_factor,
              h.key_supervision, h.deposit_retention, h.termination_recommended, h.not_rated, h.rule_set_version,
              h.explanation, h.computed_at
         FROM rating_history h JOIN subjects s ON s.id = h.subject_id
        WHERE h.id > ? ORDER BY h.id LIMIT ?`,
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

function toAnswer(r: Record<string, unknown>): RatingChangeAnswer {
  return {
    seq: String(r.seq),
    subjectId: String(r.subject_id),
    creditCode: (r.credit_code as string | null) ?? null,
    subjectType: r.subject_type as RatingAnswer['subjectType'],
    score: Number(r.score),
    grade: r.grade as RatingAnswer['grade'],
    status: r.status as RatingAnswer['status'],
    inspectionFactor: r.inspection_factor === null ? null : Number(r.inspection_factor),
    keySupervision: r.key_supervision === 1,
    depositRetention: r.deposit_retention === 1,
    terminationRecommended: r.termination_recommended === 1,
    notRated: r.not_rated === 1,
    ruleSetVersion: Number(r.rule_set_version),
    explanation: typeof r.explanation === 'string' ? JSON.parse(r.explanation) : (r.explanation as RatingAnswer['explanation']),
    hasRecord: true,
    computedAt: r.computed_at as Date,
  };
}
