import { FaultStack } from './fault-stack';

/**
 * Every subject's current rating, minus when it was computed: what a clean run and a run that survived a
 * fault must agree on, row for row.
 */
export async function ratingsState(stack: FaultStack): Promise<Record<string, unknown>[]> {
  const rows = await stack.query('SELECT * FROM ratings ORDER BY subject_id');
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([column]) => !/_at$/.test(column))));
}
