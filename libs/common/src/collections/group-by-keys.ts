/** Rows grouped under the keys a DataLoader asked for, in the keys' order (missing keys get []). */
export function groupByKeys<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = by.get(key);
    if (list) list.push(row);
    else by.set(key, [row]);
  }
  return keys.map((k) => by.get(k) ?? []);
}
