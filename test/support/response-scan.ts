import { ServerResponse } from 'node:http';
import { leaksIn } from './leak-patterns';

/**
 * Every HTTP response an integration test's in-process server sends (supertest or a real port, GraphQL or
 * REST, success or error) passes through here and is scanned for stack traces and SQL; a file in which any
 * response leaked fails in afterAll, naming the request and what leaked. Installed for every integration
 * test by jest.config.js (setupFilesAfterEnv), so the suite as a whole is the proof of issue 12's
 * "no response in any test carries a stack trace or SQL".
 */
interface ScanState {
  leaks: string[];
  scanned: number;
  /** Set by a test that turns on development details on purpose (ERROR_DETAILS): its responses are not judged. */
  paused: boolean;
  /**
   * Values a test itself submitted as data (the input sweep's SQL-shaped payloads, stored literally and shown
   * back): removed from a body before it is judged, so only what the service adds can count as a leak.
   */
  echoes: string[];
}

const STATIC_ASSET = /javascript|text\/css|^image\/|^font\/|wasm|octet-stream/;

// Node's core modules are shared by every test file of a Jest worker, while each file gets its own globals:
// the patch is installed once per worker and the state lives on the patched prototype, reset per file.
type Patched = Record<string, unknown> & { __leakScan?: ScanState };
const proto = ServerResponse.prototype as unknown as Patched;

export function responseScan(): ScanState {
  return (proto.__leakScan ??= { leaks: [], scanned: 0, paused: false, echoes: [] });
}

/** Lets a test's own submitted values come back in responses without counting as leaks (see ScanState.echoes). */
export function allowEchoOf(values: readonly string[]): void {
  const state = responseScan();
  for (const v of values) if (v.length >= 8) state.echoes.push(v, JSON.stringify(v).slice(1, -1));
}

function withoutEchoes(body: string, echoes: readonly string[]): string {
  let out = body;
  for (const e of echoes) if (out.includes(e)) out = out.split(e).join(' ');
  return out;
}

function text(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) return Buffer.from(chunk).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return '';
}

function install(): void {
  if (proto.__leakScan) {
    proto.__leakScan = { leaks: [], scanned: 0, paused: false, echoes: [] }; // a new file: its own record
    return;
  }
  responseScan();
  const write = ServerResponse.prototype.write;
  const end = ServerResponse.prototype.end;
  const inspect = (res: ServerResponse, chunk: unknown, encoding: unknown): void => {
    const state = responseScan();
    if (state.paused || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    // Static bundles (the development IDE's scripts and styles) quote module paths by nature; they are files, not answers.
    if (STATIC_ASSET.test(String(res.getHeader('content-type') ?? ''))) return;
    state.scanned++;
    const found = leaksIn(withoutEchoes(text(chunk, encoding), state.echoes));
    if (found.length > 0) {
      const req = res.req as { method?: string; originalUrl?: string; url?: string } | undefined;
      state.leaks.push(`${req?.method ?? '?'} ${(req?.originalUrl ?? req?.url ?? '?').slice(0, 120)} -> ${res.statusCode}: ${found.join(', ')}`);
    }
  };
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    inspect(this, chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof ServerResponse.prototype.write;
  ServerResponse.prototype.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    inspect(this, chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof ServerResponse.prototype.end;
}

install();

afterAll(() => {
  const { leaks } = responseScan();
  if (leaks.length > 0) {
    const list = leaks.slice(0, 20).join('\n  ');
    leaks.length = 0;
    throw new Error(`responses carried a stack trace or SQL (test/support/response-scan.ts):\n  ${list}`);
  }
});
