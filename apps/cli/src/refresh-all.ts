import { PenaltyExportService } from '@app/exports';
import { ListsRefreshService } from '@app/lists';
import { DataSource } from 'typeorm';

const CHUNK = 500;

/**
 * Every subject's lists and penalty export brought in line with its events, in keyset chunks by id (what the
 * rescore job does per subject). Idempotent: a second run changes nothing.
 */
export async function refreshAllSubjects(
  dataSource: DataSource,
  lists: ListsRefreshService,
  exports: PenaltyExportService,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ subjects: number; listChanges: number; exportChanges: number }> {
  const total = Number((await dataSource.query('SELECT COUNT(*) AS n FROM subjects'))[0].n);
  const result = { subjects: 0, listChanges: 0, exportChanges: 0 };
  for (let after = '0'; ; ) {
    const rows: { id: string | number }[] = await dataSource.query('SELECT id FROM subjects WHERE id > ? ORDER BY id LIMIT ?', [after, CHUNK]);
    if (rows.length === 0) break;
    const ids = rows.map((r) => String(r.id));
    result.listChanges += await lists.refreshSubjects(ids);
    result.exportChanges += await exports.refreshSubjects(ids);
    result.subjects += ids.length;
    onProgress(result.subjects, Math.max(total, result.subjects));
    after = ids[ids.length - 1];
  }
  return result;
}
