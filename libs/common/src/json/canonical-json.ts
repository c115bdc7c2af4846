/**
 * Canonical JSON (api-contract.md, "Canonical list entry line"): keys sorted at every level, no whitespace,
 * non-ASCII left as is. Used wherever a hash must be reproducible by a consumer: list snapshots, the audit chain.
 * `undefined` members are dropped (as JSON.stringify does); Dates become ISO strings.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
