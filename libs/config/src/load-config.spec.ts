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

  it('reads the resident-ID key ring: key 1 and no previous keys by default', () => {
    expect(loadConfig(valid, []).pii).toMatchObject({ keyId: 1, previousKeys: [] });
    const old = 'b'.repeat(64);
    const c = loadConfig({ ...valid, PII_KEY_ID: '2', PII_PREVIOUS_KEYS: ` 1:${old}:${Buffer.alloc(32, 7).toString('base64')} ` }, []);
    expect(c.pii.keyId).toBe(2);
    expect(c.pii.previousKeys).toEqual([{ id: 1, encryptionKey: Buffer.from(old, 'hex'), hmacKey: Buffer.alloc(32, 7) }]);
  });

  it.each([`1:${'b'.repeat(64)}`, `x:${'b'.repeat(64)}:${'c'.repeat(64)}`, `1:${'b'.repeat(62)}:${'c'.repeat(64)}`, `1:${'b'.repeat(64)}:${'c'.repeat(64)};1:${'d'.repeat(64)}:${'e'.repeat(64)}`])(
    'rejects a malformed key ring without echoing it (%#)',
    (ring) => {
      try {
        loadConfig({ ...valid, PII_PREVIOUS_KEYS: ring }, []);
        throw new Error('accepted');
      } catch (e) {
        expect((e as ConfigError).problems).toEqual([expect.stringMatching(/^PII_PREVIOUS_KEYS:/)]);
        expect((e as Error).message).not.toMatch(/bbbb|cccc/);
      }
    },
  );

  it('reads the penalty export settings, masked IDs and ISO dates by default', () => {
    expect(loadConfig(valid, []).penaltyExport).toEqual({ dateFormat: 'YYYY-MM-DD', authorityCodes: {}, dataSource: { name: '', code: '' }, g2gFullResidentId: false });
    const c = loadConfig(
      {
        ...valid,
        EXPORT_DATE_FORMAT: 'YYYY/MM/DD',
        EXPORT_AUTHORITY_CODES: '天津市医疗保障局=11120000MB1234567X; 河西区医疗保障局=11120103MB0000000Y',
        EXPORT_DATA_SOURCE_NAME: '天津市医疗保障局',
        EXPORT_DATA_SOURCE_CODE: '11120000MB1234567X',
        EXPORT_G2G_FULL_RESIDENT_ID: 'true',
      },
      [],
    ).penaltyExport;
    expect(c.authorityCodes).toEqual({ 天津市医疗保障局: '11120000MB1234567X', 河西区医疗保障局: '11120103MB0000000Y' });
    expect(c.dateFormat).toBe('YYYY/MM/DD');
    expect(c.g2gFullResidentId).toBe(true);
    expect(() => loadConfig({ ...valid, EXPORT_AUTHORITY_CODES: '天津市医疗保障局=123' }, [])).toThrow(/EXPORT_AUTHORITY_CODES/);
    expect(() => loadConfig({ ...valid, EXPORT_DATE_FORMAT: 'DD.MM.YYYY' }, [])).toThrow(/EXPORT_DATE_FORMAT/);
  });

  it('reads the disclosure settings: no auto-publish by default, known kinds only', () => {
    expect(loadConfig(valid, []).disclosures).toEqual({ autoPublish: [], cacheMaxAgeSeconds: 300, cacheEntries: 1000 });
    expect(loadConfig({ ...valid, DISCLOSURE_AUTO_PUBLISH: 'PENALTY_NOTICE, LIST_PUBLICATION' }, []).disclosures.autoPublish).toEqual(['PENALTY_NOTICE', 'LIST_PUBLICATION']);
    expect(() => loadConfig({ ...valid, DISCLOSURE_AUTO_PUBLISH: 'PENALTY_NOTICE,NEWS' }, [])).toThrow(/DISCLOSURE_AUTO_PUBLISH/);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({}, [])).toThrow(/DB_USER.*DB_PASSWORD.*DB_NAME.*PII_ENCRYPTION_KEY.*PII_HMAC_KEY/);
  });
});
