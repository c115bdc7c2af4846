import { ConfigError, loadConfig } from './load-config';

const KEY = 'a'.repeat(64);
const valid = { DB_USER: 'u', DB_PASSWORD: 'p', DB_NAME: 'yibao', PII_ENCRYPTION_KEY: KEY, PII_HMAC_KEY: KEY };

describe('loadConfig', () => {
  it('applies defaults and types', () => {
    const c = loadConfig(valid, []);
    expect(c.http).toEqual({ host: '127.0.0.1', port: 3000, workerPort: 3001 });
    expect(c.database.poolSize).toBe(10);
    expect(c.pii.encryptionKey).toHaveLength(32);
    expect(c.graphql.introspection).toBe(true);
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }, []).graphql.introspection).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }, []).graphql.introspection).toBe(true);
  });

  it.each([
    [{ DB_USER: undefined }, 'DB_USER'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PII_ENCRYPTION_KEY: 'short' }, 'PII_ENCRYPTION_KEY'],
    [{ DB_NAME: 'x;DROP' }, 'DB_NAME'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('rejects %j naming %s', (override, name) => {
    const attempt = (): unknown => loadConfig({ ...valid, ...override }, []);
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      expect((e as ConfigError).problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
      expect((e as Error).message).not.toContain('short'); // never echo the value of a secret
    }
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({}, [])).toThrow(/DB_USER.*DB_PASSWORD.*DB_NAME.*PII_ENCRYPTION_KEY.*PII_HMAC_KEY/);
  });
});
