import { ConfigError, loadConfig } from './load-config';

const KEY = 'a'.repeat(64);
const valid = { DB_USER: 'u', DB_PASSWORD: 'p', DB_NAME: 'yibao', PII_ENCRYPTION_KEY: KEY, PII_HMAC_KEY: KEY };

describe('security settings', () => {
  it('serves the IDE in development only, unless told otherwise', () => {
    expect(loadConfig(valid, []).graphql.ide).toBe(true);
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }, []).graphql.ide).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }, []).graphql.ide).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'test', GRAPHQL_IDE: 'true' }, []).graphql.ide).toBe(true);
  });

  it('keeps internal error messages out of answers unless development asks for them', () => {
    expect(loadConfig(valid, []).graphql.verboseErrors).toBe(false);
    expect(loadConfig({ ...valid, ERROR_DETAILS: 'true' }, []).graphql.verboseErrors).toBe(true);
    for (const mode of ['production', 'test']) {
      expect(() => loadConfig({ ...valid, NODE_ENV: mode, ERROR_DETAILS: 'true' }, [])).toThrow(ConfigError);
    }
  });

  it('gives each role its budget, falling back to RATE_LIMIT_PER_MINUTE', () => {
    const limits = loadConfig({ ...valid, RATE_LIMIT_PER_MINUTE: '5000', RATE_LIMIT_PER_MINUTE_NDRC: '7000' }, []).rateLimits;
    expect(limits.perMinute).toEqual({ PUBLIC: 20_000, REGULATOR: 5000, NDRC: 7000, BUDGET: 1_000_000, AUDITOR: 5000 });
    expect(limits.enabled).toBe(true);
    expect(loadConfig({ ...valid, RATE_LIMIT_ENABLED: 'false' }, []).rateLimits.enabled).toBe(false);
  });

  it('reads CORS origins and refuses anything but scheme and host', () => {
    expect(loadConfig(valid, []).httpLimits.corsOrigins).toEqual([]);
    expect(loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example, http://b.example:8080' }, []).httpLimits.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => loadConfig({ ...valid, CORS_ORIGINS: '*' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example/path' }, [])).toThrow(ConfigError);
  });

  it('reads which proxies name the client (TRUST_PROXY) and refuses anything else', () => {
    expect(loadConfig(valid, []).httpLimits.trustProxy).toBe('loopback');
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }, []).httpLimits.trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }, []).httpLimits.trustProxy).toBe('10.0.0.0/8, 192.168.1.5');
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'everyone' }, [])).toThrow(ConfigError);
  });
});
