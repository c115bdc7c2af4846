/** Costs of REST calls in the same points as GraphQL's complexity estimate, so one budget covers both. */
export interface RestCosts {
  restCost: number;
  snapshotCost: number;
}

/**
 * A feed snapshot streams a whole list (up to 10^5–10^6 entries): a fixed, high cost. A changes page costs
 * the base plus one point per 100 changes asked for (`limit`, default 10,000), so paging in large pages
 * costs about what small ones do. Everything else: the base cost.
 */
export function restCost(method: string, path: string, query: Record<string, unknown>, costs: RestCosts): number {
  if (method === 'HEAD') return costs.restCost;
  if (/^\/feeds\/.+\/snapshot\/?$/.test(path)) return costs.snapshotCost;
  if (/^\/feeds\/.+\/changes\/?$/.test(path)) {
    const limit = Number(typeof query.limit === 'string' ? query.limit : 10_000);
    return costs.restCost + Math.ceil((Number.isFinite(limit) && limit > 0 ? Math.min(limit, 10_000) : 10_000) / 100);
  }
  return costs.restCost;
}
