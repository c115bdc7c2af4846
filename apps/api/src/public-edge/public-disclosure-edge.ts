import type { ReadyView } from '@app/disclosures';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Logger as PinoRoot } from 'pino';
import { matchesEtag } from '@app/disclosures/api/http-cache';
import { acceptsGzip } from '@app/disclosures/api/public-disclosure-fast-path';
import type { RateDecision } from '../security/rate-limit/rate-limiter.service';
import { rateLimitHeaders } from '../security/rate-limit/rate-limit-headers';

/** `GET|HEAD /public/disclosures/{id}`, with or without a query string; anything else (a trailing slash, /items.csv) is not the edge's. */
const ONE_DISCLOSURE = /^\/public\/disclosures\/(\d{1,19})(?:\?|$)/;
/** The logging module's rule for a client's X-Request-Id (libs/common logging.module.ts). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface PublicDisclosureEdgeOptions {
  /** The replica's ready view of a disclosure, or undefined (no cache, a miss, the cache not trusted now). */
  ready(id: string): ReadyView | undefined;
  /** The security headers every answer carries (helmet's, computed once by captureHeaders). */
  securityHeaders: readonly (readonly [string, string])[];
  /** Charges a public request's cost to its IP (the REST rate limit); null when rate limits are off. */
  charge: ((ip: string) => Promise<RateDecision | null>) | null;
  /** The caller's address as Express computes req.ip (its "trust proxy" setting). */
  clientIp(req: IncomingMessage): string;
  /** Whether CORS is configured: then a request with an Origin goes to Express, whose CORS middleware answers it. */
  cors: boolean;
  /** The access logger (pino-http's root), read at request time: it exists once the app is initialised. */
  accessLog(): PinoRoot | undefined;
}

/**
 * An edge in front of the whole Express app, on the HTTP server's `request` event: a plain cache hit on one public
 * disclosure (GET or HEAD, no Authorization, no Origin while CORS is configured, the path exactly
 * /public/disclosures/{id}) is answered here with the ready bytes; everything else goes to Express untouched. Why:
 * on a hit, Express's router and its middleware chain (helmet, request id, access log, rate limit, Nest's router)
 * cost several times the answer itself. The answer is the controller's: helmet's headers (computed once), the
 * X-Request-Id rule of the logging module, ETag, Cache-Control, Vary, 304 on If-None-Match, the same access log
 * line (at info, as pino-http writes it) and, when rate limits are on, the same per-IP charge and RateLimit headers;
 * a refused charge is handed to Express, which charges once more (the window is fixed, so the answer does not
 * change) and refuses in its usual shape.
 */
export function publicDisclosureEdge(app: RequestListener, options: PublicDisclosureEdgeOptions): RequestListener {
  const lists = headerLists(options.securityHeaders);
  return (req, res) => {
    const ready = hitOf(req, options);
    if (!ready) return app(req, res);
    if (!options.charge) return answer(req, res, ready, options, lists, null);
    options.charge(options.clientIp(req)).then(
      (decision) => {
        // Looked up again: a change announced during the charge's round trip has dropped the entry.
        const still = decision && !decision.allowed ? undefined : hitOf(req, options);
        if (still) answer(req, res, still, options, lists, decision);
        else app(req, res);
      },
      () => app(req, res),
    );
  };
}

/** Installs the edge on a server whose one `request` listener is the app (as Nest's Express adapter creates it). */
export function installPublicDisclosureEdge(server: Server, options: PublicDisclosureEdgeOptions): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) throw new Error(`public disclosure edge: expected one request listener, found ${listeners.length}`);
  server.removeListener('request', listeners[0]);
  server.on('request', publicDisclosureEdge(listeners[0], options));
}

function hitOf(req: IncomingMessage, options: PublicDisclosureEdgeOptions): ReadyView | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  if (req.headers.authorization !== undefined || (options.cors && req.headers.origin !== undefined)) return undefined;
  const m = ONE_DISCLOSURE.exec(req.url ?? '');
  return m ? options.ready(m[1]) : undefined;
}

function answer(req: IncomingMessage, res: ServerResponse, ready: ReadyView, options: PublicDisclosureEdgeOptions, lists: HeaderLists, decision: RateDecision | null): void {
  const started = Date.now();
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const ifNoneMatch = req.headers['if-none-match'];
  // A 304 names the ETag the client holds (either representation's), as the controller's does.
  const held = matchesEtag(ifNoneMatch, ready.headers.ETag) ? ready.headers : matchesEtag(ifNoneMatch, ready.gzipHeaders.ETag) ? ready.gzipHeaders : null;
  const fixed = held ? lists.notModified(held) : lists.response(ready, gzip);
  const varying = ['X-Request-Id', id];
  if (decision) for (const [name, value] of rateLimitHeaders(decision)) varying.push(name, value);
  // One flat list, no setHeader: Node writes it as it is (the fast case of writeHead).
  res.writeHead(held ? 304 : 200, fixed.concat(varying));
  res.end(held || req.method === 'HEAD' ? undefined : gzip ? ready.gzipBody : ready.body);
  logAccess(options.accessLog(), req, res, id, started);
}

interface HeaderLists {
  response(ready: ReadyView, gzip: boolean): string[];
  notModified(held: Record<string, string>): string[];
}

/** The fixed headers of each answer (security headers, then the view's own) as one flat list, made once per view and encoding. */
function headerLists(security: PublicDisclosureEdgeOptions['securityHeaders']): HeaderLists {
  const responses = new WeakMap<Record<string, string>, string[]>();
  const notModified = new WeakMap<Record<string, string>, string[]>();
  const once = (map: WeakMap<Record<string, string>, string[]>, key: Record<string, string>, make: () => string[]): string[] => {
    let flat = map.get(key);
    if (!flat) map.set(key, (flat = make()));
    return flat;
  };
  return {
    response: (ready, gzip) => {
      const own = gzip ? ready.gzipHeaders : ready.headers;
      return once(responses, own, () => flatten(security, Object.entries(own)));
    },
    notModified: (held) => once(notModified, held, () => flatten(security, [['ETag', held.ETag], ['Cache-Control', held['Cache-Control']], ['Vary', held.Vary]])),
  };
}

function flatten(...lists: (readonly (readonly [string, string])[])[]): string[] {
  return lists.flatMap((list) => list.flatMap(([name, value]) => [name, value]));
}

/** pino-http's "request completed" line with the logging module's serializers: id, method, path, status, time. */
function logAccess(log: PinoRoot | undefined, req: IncomingMessage, res: ServerResponse, id: string, started: number): void {
  if (!log?.isLevelEnabled('info')) return;
  const path = (req.url ?? '').split('?')[0];
  res.once('finish', () => log.info({ req: { id, method: req.method, path }, res: { statusCode: res.statusCode }, responseTime: Date.now() - started }, 'request completed'));
}

/**
 * The headers a header-setting middleware (helmet) writes, captured once from a stand-in response: they depend on
 * nothing in the request. Throws if the middleware did not finish synchronously (its answer would then be unknown).
 */
export function captureHeaders(middleware: (req: unknown, res: unknown, next: (err?: unknown) => void) => void): [string, string][] {
  const headers = new Map<string, [string, string]>();
  let done = false;
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), [name, Array.isArray(value) ? value.join(', ') : String(value)]),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase())?.[1],
  };
  middleware({ headers: {}, method: 'GET', url: '/' }, res, (err) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('captureHeaders: the middleware did not call next() synchronously');
  return [...headers.values()];
}

/**
 * req.ip as Express computes it (proxy-addr): the socket's address, then X-Forwarded-For from the right, skipping
 * each hop the "trust proxy" function trusts; the first one it does not trust is the client.
 */
export function clientIpOf(trust: (addr: string, hop: number) => boolean): (req: IncomingMessage) => string {
  return (req) => {
    const socketAddr = req.socket.remoteAddress ?? 'unknown';
    const forwarded = req.headers['x-forwarded-for'];
    const hops = [socketAddr, ...(typeof forwarded === 'string' ? forwarded.split(',').map((s) => s.trim()).filter((s) => s !== '').reverse() : [])];
    for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i], i)) return hops[i];
    return hops[hops.length - 1];
  };
}
