import { RawConfig } from './config.schema';

/** The typed, validated configuration. Constructed only by loadConfig; injected everywhere else. */
export class AppConfig {
  constructor(private readonly raw: RawConfig) {}

  get env(): RawConfig['NODE_ENV'] {
    return this.raw.NODE_ENV;
  }
  get isProduction(): boolean {
    return this.raw.NODE_ENV === 'production';
  }
  get http(): { host: string; port: number; workerPort: number } {
    return { host: this.raw.HOST, port: this.raw.PORT, workerPort: this.raw.WORKER_PORT };
  }
  get logLevel(): RawConfig['LOG_LEVEL'] {
    return this.raw.LOG_LEVEL;
  }
  get database(): { host: string; port: number; user: string; password: string; name: string; poolSize: number } {
    const r = this.raw;
    return { host: r.DB_HOST, port: r.DB_PORT, user: r.DB_USER, password: r.DB_PASSWORD, name: r.DB_NAME, poolSize: r.DB_POOL_SIZE };
  }
  get redis(): { host: string; port: number; password?: string; prefix: string } {
    const r = this.raw;
    return { host: r.REDIS_HOST, port: r.REDIS_PORT, password: r.REDIS_PASSWORD, prefix: r.QUEUE_PREFIX };
  }
  /** The outbox relay's idle poll (ms); a nudge after each recording commit makes it look sooner. */
  get outboxPollMs(): number {
    return this.raw.OUTBOX_POLL_MS;
  }
  /** The current resident-ID keys (and their version), and the older ones a rotation still reads. */
  get pii(): { encryptionKey: Buffer; hmacKey: Buffer; keyId: number; previousKeys: { id: number; encryptionKey: Buffer; hmacKey: Buffer }[] } {
    const r = this.raw;
    return { encryptionKey: r.PII_ENCRYPTION_KEY, hmacKey: r.PII_HMAC_KEY, keyId: r.PII_KEY_ID, previousKeys: r.PII_PREVIOUS_KEYS };
  }
  get graphql(): { maxDepth: number; maxComplexity: number; introspection: boolean; verboseErrors: boolean; maxTokens: number; ide: boolean } {
    const r = this.raw;
    return {
      maxDepth: r.GRAPHQL_MAX_DEPTH,
      maxComplexity: r.GRAPHQL_MAX_COMPLEXITY,
      introspection: r.GRAPHQL_INTROSPECTION ?? !this.isProduction,
      verboseErrors: r.ERROR_DETAILS,
      maxTokens: r.GRAPHQL_MAX_TOKENS,
      ide: r.GRAPHQL_IDE ?? r.NODE_ENV === 'development',
    };
  }
  /** Per-minute budgets in query-cost points, by role (`PUBLIC` for the keyless caller), and REST costs. */
  get rateLimits(): { enabled: boolean; perMinute: Record<'PUBLIC' | 'REGULATOR' | 'NDRC' | 'BUDGET' | 'AUDITOR', number>; restCost: number; snapshotCost: number } {
    const r = this.raw;
    const dflt = r.RATE_LIMIT_PER_MINUTE;
    return {
      enabled: r.RATE_LIMIT_ENABLED,
      perMinute: {
        PUBLIC: r.RATE_LIMIT_PER_MINUTE_PUBLIC,
        REGULATOR: r.RATE_LIMIT_PER_MINUTE_REGULATOR ?? dflt,
        NDRC: r.RATE_LIMIT_PER_MINUTE_NDRC ?? dflt,
        BUDGET: r.RATE_LIMIT_PER_MINUTE_BUDGET,
        AUDITOR: r.RATE_LIMIT_PER_MINUTE_AUDITOR ?? dflt,
      },
      restCost: r.RATE_LIMIT_REST_COST,
      snapshotCost: r.RATE_LIMIT_SNAPSHOT_COST,
    };
  }
  /** HTTP hardening: CORS origins, body size and JSON nesting limits. */
  get httpLimits(): { corsOrigins: string[]; bodyLimitBytes: number; jsonMaxDepth: number; jsonMaxArray: number; trustProxy: string | number } {
    const r = this.raw;
    const trustProxy = /^\d+$/.test(r.TRUST_PROXY) ? Number(r.TRUST_PROXY) : r.TRUST_PROXY;
    return { corsOrigins: r.CORS_ORIGINS, bodyLimitBytes: r.HTTP_BODY_LIMIT, jsonMaxDepth: r.HTTP_JSON_MAX_DEPTH, jsonMaxArray: r.HTTP_JSON_MAX_ARRAY, trustProxy };
  }

  /** Holidays and make-up working days for WorkingDayCalendar (libs/credit). */
  get workingDays(): { holidays: string[]; extraWorkingDays: string[] } {
    return { holidays: this.raw.PUBLIC_HOLIDAYS, extraWorkingDays: this.raw.MAKEUP_WORKING_DAYS };
  }

  /** Webhook push of the list changes (WEBHOOK_*). */
  get webhooks(): { allowedHosts: string[]; maxFailures: number; batchSize: number; timeoutMs: number; retryBaseMs: number } {
    const r = this.raw;
    return {
      allowedHosts: r.WEBHOOK_ALLOWED_HOSTS,
      maxFailures: r.WEBHOOK_MAX_FAILURES,
      batchSize: r.WEBHOOK_BATCH_SIZE,
      timeoutMs: r.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: r.WEBHOOK_RETRY_BASE_MS,
    };
  }


  /** The national-platform penalty export (exports.md). */
  get penaltyExport(): {
    dateFormat: RawConfig['EXPORT_DATE_FORMAT'];
    authorityCodes: Record<string, string>;
    dataSource: { name: string; code: string };
    g2gFullResidentId: boolean;
  } {
    const r = this.raw;
    return {
      dateFormat: r.EXPORT_DATE_FORMAT,
      authorityCodes: r.EXPORT_AUTHORITY_CODES,
      dataSource: { name: r.EXPORT_DATA_SOURCE_NAME, code: r.EXPORT_DATA_SOURCE_CODE },
      g2gFullResidentId: r.EXPORT_G2G_FULL_RESIDENT_ID,
    };
  }

  /** Public disclosures (domain.md §6): kinds published without review, and the public caching. */
  get disclosures(): { autoPublish: string[]; cacheMaxAgeSeconds: number; cacheEntries: number } {
    const r = this.raw;
    return {
      autoPublish: r.DISCLOSURE_AUTO_PUBLISH.split(',').map((s) => s.trim()).filter((s) => s !== ''),
      cacheMaxAgeSeconds: r.DISCLOSURE_CACHE_MAX_AGE,
      cacheEntries: r.DISCLOSURE_CACHE_ENTRIES,
    };
  }

  /** Subjects of one type up to which a rule-set preview is computed inside the request. */
  get ruleSetPreviewInlineMax(): number {
    return this.raw.RULE_SET_PREVIEW_INLINE_MAX;
  }
}
