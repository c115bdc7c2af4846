import { leaksIn } from '../../support/leak-patterns';

/**
 * The fault suites talk to real API and worker processes over `fetch`, so the integration project's scan of
 * in-process responses (test/support/response-scan.ts) does not see them. This wraps `fetch` for the file:
 * every answer from a local process (health probes while a dependency is down, GraphQL and REST errors during a
 * restart) is read on a clone and checked for stack traces and SQL; the file fails in afterAll naming them.
 * Streamed feeds (NDJSON, CSV) are left alone: teeing them would read ahead of a test that holds a download
 * paused on purpose, and their lines are data, checked by their stamps.
 */
/** This file's findings so far (its own test plants one and takes it back). */
export const leaks: string[] = ((globalThis as { __faultLeaks?: string[] }).__faultLeaks = []);
const STREAMED = /ndjson|csv/;
const original = globalThis.fetch;

globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
  const res = await original(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url) || STREAMED.test(res.headers.get('content-type') ?? '')) return res;
  const body = await res.clone().text().catch(() => '');
  const found = leaksIn(body);
  if (found.length > 0) leaks.push(`${init?.method ?? 'GET'} ${url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '').slice(0, 120)} -> ${res.status}: ${found.join(', ')}`);
  return res;
};

afterAll(() => {
  globalThis.fetch = original;
  if (leaks.length > 0) throw new Error(`responses carried a stack trace or SQL (test/faults/support/response-scan.ts):\n  ${leaks.slice(0, 20).join('\n  ')}`);
});
