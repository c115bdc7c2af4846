import { ApiKeysService, Role } from '@app/auth';
import { AuditService } from '@app/audit';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { waitFor } from '../support/wait-for';

let api: TestApi;
let keys: ApiKeysService;

beforeAll(async () => {
  api = await startApi();
  keys = api.app.get(ApiKeysService);
});
beforeEach(() => resetDatabase(api.dataSource));
afterAll(() => api.close());

const AUDIT_LOG = '{ auditLog(first: 10) { nodes { action targetId actor diff } } }';

describe('API keys', () => {
  it('are random 256-bit secrets stored only as a hash', async () => {
    const a = await keys.create(Role.BUDGET, 'budget module', 'test');
    const b = await keys.create(Role.BUDGET, 'budget module', 'test');
    expect(a.secret).toMatch(/^yc_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    const rows = JSON.stringify(await api.dataSource.query('SELECT * FROM api_keys'));
    expect(rows).not.toContain(a.secret);
    expect(rows).not.toContain(a.secret.slice(11));
  });

  it('authenticate their role, are refused elsewhere, and record their last use', async () => {
    const { key, secret } = await keys.create(Role.AUDITOR, 'internal audit', 'test');
    const ok = await api.gql(AUDIT_LOG, undefined, secret);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.auditLog.nodes[0]).toMatchObject({ action: 'apikey.create', targetId: key.id, actor: 'test' });
    const budget = await keys.create(Role.BUDGET, 'budget', 'test');
    const denied = await api.gql(AUDIT_LOG, undefined, budget.secret);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // the last-use write is fire-and-forget, so wait for it rather than expect it at once
    const [row] = await waitFor(async () => {
      const rows: { last_used_at: Date | null }[] = await api.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = ?', [key.id]);
      return rows[0].last_used_at ? rows : null;
    });
    expect(row.last_used_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('once revoked get UNAUTHENTICATED, and the revocation is audited', async () => {
    const { key, secret } = await keys.create(Role.AUDITOR, 'soon revoked', 'test');
    expect((await api.gql('{ viewer { role } }', undefined, secret)).body.data.viewer.role).toBe('AUDITOR');
    await keys.revoke(key.prefix, 'cli:operator');
    const res = await api.gql('{ viewer { role } }', undefined, secret);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await expect(keys.revoke(key.id, 'cli:operator')).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions: { action: string; actor: string }[] = await api.dataSource.query('SELECT action, actor FROM audit_log ORDER BY seq');
    expect(actions).toEqual([
      { action: 'apikey.create', actor: 'test' },
      { action: 'apikey.revoke', actor: 'cli:operator' },
    ]);
    expect((await api.app.get(AuditService).verify()).ok).toBe(true);
  });

  it.each([
    ['Bearer yc_not-a-real-key-at-all-not-a-real-key-at-all-0000'],
    ['Bearer '],
    ['Basic dXNlcjpwYXNz'],
    ['yc_missing_the_bearer_word'],
  ])('an unknown or malformed key (%s) is UNAUTHENTICATED, even for a public operation', async (header) => {
    const res = await api.gql('{ viewer { role } }').set('authorization', header);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('no header is the public caller', async () => {
    const res = await api.gql('{ viewer { role keyName } }');
    expect(res.body.data.viewer).toEqual({ role: null, keyName: null });
  });
});
