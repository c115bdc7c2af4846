import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
/** A 32-byte key given as 64 hex characters or standard base64; never a default, never in the repo. */
const key32 = z
  .string()
  .transform((v, ctx) => {
    const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
    if (buf.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'must be 32 bytes (64 hex characters or base64)' });
      return z.NEVER;
    }
    return buf;
  });

function key32Buffer(v: string): Buffer | null {
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return buf.length === 32 ? buf : null;
}

/** The resident-ID keys a rotation still reads: `id:encryptionKey:hmacKey` entries separated by `;`. */
const keyRing = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const keys: { id: number; encryptionKey: Buffer; hmacKey: Buffer }[] = [];
    for (const entry of v.split(';').map((e) => e.trim()).filter((e) => e.length > 0)) {
      const [id, enc, hmac, ...rest] = entry.split(':').map((p) => p.trim());
      const keyId = Number(id);
      const encryptionKey = key32Buffer(enc ?? '');
      const hmacKey = key32Buffer(hmac ?? '');
      // Never echo the entry: it holds keys.
      if (rest.length > 0 || !Number.isInteger(keyId) || keyId < 1 || keyId > 65535 || !encryptionKey || !hmacKey || keys.some((k) => k.id === keyId)) {
        ctx.addIssue({ code: 'custom', message: 'must be id:encryptionKey:hmacKey entries (distinct ids 1–65535, 32-byte keys) separated by ;' });
        return z.NEVER;
      }
      keys.push({ id: keyId, encryptionKey, hmacKey });
    }
    return keys;
  });

/** Comma-separated calendar dates; empty by default. */
const isoDateList = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const days = v.split(',').map((d) => d.trim()).filter((d) => d.length > 0);
    const bad = days.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be calendar dates YYYY-MM-DD separated by commas' });
      return z.NEVER;
    }
    return days;
  });

/** Comma-separated host names or IP addresses, lower-cased, IPv6 without brackets; empty by default. */
const hostList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((h) => h.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')).filter((h) => h.length > 0));

/** `name=code;name=code`: authorities (as events name them) and their unified social credit codes. */
const authorityCodes = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const map: Record<string, string> = {};
    for (const pair of v.split(';').map((p) => p.trim()).filter((p) => p.length > 0)) {
      const at = pair.lastIndexOf('=');
      const name = pair.slice(0, at).trim();
      const code = pair.slice(at + 1).trim();
      if (at <= 0 || !/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) {
        ctx.addIssue({ code: 'custom', message: 'must be name=credit code pairs (18 characters) separated by ;' });
        return z.NEVER;
      }
      map[name] = code;
    }
    return map;
  });

/**
 * Every setting the service reads, with its default. Parsed once at boot; a bad or missing value stops the
 * process with a message naming it (see loadConfig). The README's configuration table mirrors this schema.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  WORKER_PORT: port.default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DB_HOST: z.string().min(1).default('127.0.0.1'),
  DB_PORT: port.default(3306),
  DB_USER: z.string().min(1),
  DB_PASSWORD: z.string().min(1),
  DB_NAME: z.string().regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),

  REDIS_HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_PORT: port.default(6379),
  REDIS_PASSWORD: z.string().optional(),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/).default('yibao'),
  /** The outbox relay's idle poll, the backstop behind the nudge a recording process publishes after commit. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(250),

  PII_ENCRYPTION_KEY: key32,
  PII_HMAC_KEY: key32,
  /**
   * The version of the two keys above, recorded on every row they encrypt (subjects.resident_id_key_id). A key
   * rotation gives the new keys a new id and moves the old ones to PII_PREVIOUS_KEYS until `keys:rotate` ends.
   */
  PII_KEY_ID: z.coerce.number().int().min(1).max(65535).default(1),
  /** Older resident-ID keys still read (decrypt, lookup) during a rotation: `id:encKey:hmacKey;...`. Empty by default. */
  PII_PREVIOUS_KEYS: keyRing,

  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(20000),
  /** Defaults to on outside production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /**
   * Rate limits, in query-cost points per minute (a GraphQL operation costs its complexity estimate, a REST
   * call RATE_LIMIT_REST_COST, a feed snapshot RATE_LIMIT_SNAPSHOT_COST), counted per API key and, for the
   * public caller, per IP, in Redis so replicas share them. RATE_LIMIT_PER_MINUTE is the budget of a role
   * without its own setting.
   */
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(100_000),
  RATE_LIMIT_PER_MINUTE_PUBLIC: z.coerce.number().int().min(1).default(20_000),
  RATE_LIMIT_PER_MINUTE_REGULATOR: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_PER_MINUTE_NDRC: z.coerce.number().int().min(1).optional(),
  /** The budget module reads up to 10,000 ratings (10,000 points) per request. */
  RATE_LIMIT_PER_MINUTE_BUDGET: z.coerce.number().int().min(1).default(1_000_000),
  RATE_LIMIT_PER_MINUTE_AUDITOR: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_REST_COST: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SNAPSHOT_COST: z.coerce.number().int().min(1).default(1000),

  /** Browser origins allowed to call the API cross-site (CORS), comma-separated; empty: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), 'origins like https://example.org (scheme and host, no path), comma-separated'),
  /**
   * Which proxies in front of the API are trusted to name the client in X-Forwarded-For (Express "trust
   * proxy"): the per-IP budget of the public caller keys on the address this gives. `loopback` (a proxy on the
   * same host), a hop count (`1`: one load balancer), or comma-separated addresses/CIDRs of the balancers.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v) => v.trim())
    .refine((v) => /^\d{1,2}$/.test(v) || /^[0-9a-fA-F.:/,\s]+$|^(loopback|linklocal|uniquelocal)(,\s*(loopback|linklocal|uniquelocal))*$/.test(v), 'a hop count, loopback/linklocal/uniquelocal, or comma-separated addresses/CIDRs'),
  /** Largest request body accepted, in bytes (a recordEvents batch of 5,000 items is about 3 MB). */
  HTTP_BODY_LIMIT: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Deepest nesting of a JSON request body (GraphQL variables included). */
  HTTP_JSON_MAX_DEPTH: z.coerce.number().int().min(4).max(1000).default(32),
  /**
   * Longest list in a JSON request body. Above the largest batch (10,000 ratings keys), so a batch just over its
   * own limit still gets that limit's BATCH_TOO_LARGE; a list of a million is refused before any coercion.
   */
  HTTP_JSON_MAX_ARRAY: z.coerce.number().int().min(100).default(50_000),
  /**
   * Most tokens a GraphQL document may have: a longer one is refused while it is parsed, before the cost of
   * validating a huge syntax tree (an alias bomb of 25,000 fields costs seconds there). Lists of keys belong
   * in variables, which do not count.
   */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(20_000),
  /** The GraphQL IDE (Altair, served from node_modules) on GET /graphql in a browser. Defaults to on in development only. */
  GRAPHQL_IDE: bool.optional(),
  /**
   * Puts an unexpected error's own message (which may quote SQL or internal values) in the INTERNAL error's
   * response, for debugging on a developer's machine; allowed only with NODE_ENV=development. Off: the caller
   * reads "internal error" and the log has the rest. A stack trace is never sent.
   */
  ERROR_DETAILS: bool.default(false),

  /**
   * previewRuleSet rates every subject of the type twice: up to this many subjects it answers inside the
   * request; above it the worker computes the preview and the caller polls ruleSetPreview(id).
   */
  RULE_SET_PREVIEW_INLINE_MAX: z.coerce.number().int().min(0).default(2000),

  /**
   * The working-day calendar of legal deadlines (objection periods, repair decisions, withdrawals): the State
   * Council's holiday arrangement, published yearly, as comma-separated YYYY-MM-DD lists. Weekends otherwise.
   */
  PUBLIC_HOLIDAYS: isoDateList,
  MAKEUP_WORKING_DAYS: isoDateList,

  /**
   * Webhook push of the list changes. Hosts that a subscription may target although they resolve to a
   * private, loopback or link-local address, and may use plain http (everything else: https to public
   * addresses only).
   */
  WEBHOOK_ALLOWED_HOSTS: hostList,
  /** Consecutive failed deliveries after which a subscription is PAUSED until resumed. */
  WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(8),
  /** Changes per POST. */
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Whole request (connect, send, answer) per delivery attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** First retry delay after a failed delivery; doubled per further failure, capped at one hour. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),

  /** Disclosure kinds whose generated draft is published at once (comma-separated; empty: a regulator publishes). */
  DISCLOSURE_AUTO_PUBLISH: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== '').every((s) => ['PENALTY_NOTICE', 'TYPICAL_CASES', 'SUPERVISION_SUMMARY', 'TERMINATED_INSTITUTIONS', 'LIST_PUBLICATION'].includes(s)), 'a comma-separated list of disclosure kinds'),
  /** Public disclosure responses: Cache-Control max-age (seconds), and the in-process cache's size (entries). */
  DISCLOSURE_CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(300),
  DISCLOSURE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(1000),

  /** The national-platform penalty export (exports.md): date format of CF_JDRQ, CF_YXQ, CF_GSJZQ. */
  EXPORT_DATE_FORMAT: z.enum(['YYYY-MM-DD', 'YYYY/MM/DD']).default('YYYY-MM-DD'),
  /** Our deciding authorities and their credit codes (CF_CFJG → CF_CFJGDM); LICENCE_REVOKED is exported only for these. */
  EXPORT_AUTHORITY_CODES: authorityCodes,
  /** 数据来源单位 and its credit code (CF_SJLY, CF_SJLYDM). */
  EXPORT_DATA_SOURCE_NAME: z.string().max(100).default(''),
  EXPORT_DATA_SOURCE_CODE: z.union([z.literal(''), z.string().regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/, 'an 18-character credit code')]).default(''),
  /**
   * The government-to-government share: the penalty feeds carry the full resident ID (CF_XDR_ZJHM) instead of
   * the masked one, and every such export is written to the audit log. Off by default.
   */
  EXPORT_G2G_FULL_RESIDENT_ID: bool.default(false),
}).refine((c) => !c.ERROR_DETAILS || c.NODE_ENV === 'development', {
  path: ['ERROR_DETAILS'],
  message: 'may be true only with NODE_ENV=development',
});

export type RawConfig = z.infer<typeof configSchema>;
