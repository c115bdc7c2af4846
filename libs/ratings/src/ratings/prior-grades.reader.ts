import { Grade, shanghaiDate } from '@app/credit';
import { EntityManager } from 'typeorm';

export type PriorGrades = { year: number; grade: Grade }[];

/**
 * The grade each subject held at the end of each natural year (Asia/Shanghai), from the rating history: what
 * "D or worse in two consecutive natural years" (domain.md §2) reads. We take the year-end grade, as an annual
 * credit evaluation would, not the worst grade touched during the year. One query for a whole chunk.
 */
export async function readPriorGrades(em: EntityManager, subjectIds: readonly string[]): Promise<Map<string, PriorGrades>> {
  const out = new Map<string, PriorGrades>();
  if (subjectIds.length === 0) return out;
  const rows: { subject_id: string | number; grade: Grade; computed_at: Date }[] = await em.query(
    'SELECT subject_id, grade, computed_at FROM rating_history WHERE subject_id IN (?) AND grade IS NOT NULL ORDER BY subject_id, id',
    [subjectIds],
  );
  for (const r of rows) {
    const key = String(r.subject_id);
    const year = Number(shanghaiDate(new Date(r.computed_at)).slice(0, 4));
    const list = out.get(key) ?? [];
    const last = list[list.length - 1];
    if (last?.year === year) last.grade = r.grade; // rows come in order: the last of the year wins
    else list.push({ year, grade: r.grade });
    out.set(key, list);
  }
  return out;
}
