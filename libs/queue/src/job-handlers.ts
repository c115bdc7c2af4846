
export interface DiscoveredHandler {
  job: { queue: string; name: string };
  owner: string;
}

/**
 * Checks discovered handlers against the catalogue: every job exactly one handler, no handler for an
 * unknown job. Returns the problems (empty when sound).
 */
export function checkJobHandlers(catalogue: readonly { queue: string; name: string }[], handlers: readonly DiscoveredHandler[]): string[] {
  const problems: string[] = [];
  const key = (j: { queue: string; name: string }): string => `${j.queue}/${j.name}`;
  const known = new Set(catalogue.map(key));
  for (const job of catalogue) {
    const owners = handlers.filter((h) => key(h.job) === key(job)).map((h) => h.owner);
    if (owners.length === 0) problems.push(`job ${key(job)} has no handler`);
    if (owners.length > 1) problems.push(`job ${key(job)} has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  for (const h of handlers) {
    if (!known.has(key(h.job))) problems.push(`${h.owner} handles ${key(h.job)}, which is not in the job catalogue`);
  }
  return problems;
}
