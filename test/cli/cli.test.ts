import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { typeOrmOptions } from '@app/database';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { tamper } from '../support/tamper';
import { cli } from '../support/cli';


let ds: DataSource;
let api: TestApi;
beforeAll(async () => {
  ds = new DataSource(typeOrmOptions(loadConfig()));
  await ds.initialize();
  await resetDatabase(ds);
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  await ds.destroy();
});

describe('operator CLI', () => {
  let secret = '';

  it('apikey:create prints the key once, alone on the last line of stdout', () => {
    const r = cli('apikey:create', '--role', 'AUDITOR', '--name', 'internal audit');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    secret = lines[lines.length - 1];
    expect(secret).toMatch(/^yc_[A-Za-z0-9_-]{43}$/);
    expect(lines).toHaveLength(1);
    expect(r.stderr).toContain('role AUDITOR');
    expect(r.stderr).not.toContain(secret);
  });

  it('the key works for its role and is FORBIDDEN elsewhere', async () => {
    expect((await api.gql('{ auditLog(first: 5) { nodes { action } } }', undefined, secret)).body.data.auditLog.nodes).toEqual([
      { action: 'apikey.create' },
    ]);
    const budget = cli('apikey:create', '--role', 'BUDGET', '--name', 'budget').stdout.trim();
    expect((await api.gql('{ auditLog { nodes { action } } }', undefined, budget)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown role with a clear message and a non-zero exit', () => {
    const r = cli('apikey:create', '--role', 'ADMIN', '--name', 'x');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown role ADMIN/);
  });

  it('apikey:revoke makes the key UNAUTHENTICATED', async () => {
    const r = cli('apikey:revoke', secret.slice(0, 11));
    expect(r.status).toBe(0);
    expect((await api.gql('{ viewer { role } }', undefined, secret)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(cli('apikey:revoke', 'yc_nosuchke').status).toBe(2);
  });

  it('audit:verify passes on the intact chain and names the tampered row (exit 1)', async () => {
    const ok = cli('audit:verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^audit chain OK: 3 rows, head seq 3/);
    await tamper(ds, `UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 2`);
    const bad = cli('audit:verify');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('audit chain BROKEN at seq 2: HASH_MISMATCH');
  });

  it('--help and `help` print the usage under the name an operator types, and exit 0', () => {
    for (const args of [['--help'], ['help']]) {
      const r = cli(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: npm run cli -- \[options\] \[command\]/);
      expect(r.stdout).toContain('apikey:create');
      expect(r.stderr).toBe('');
    }
    const sub = cli('apikey:create', '--help');
    expect(sub.status).toBe(0);
    expect(sub.stdout).toMatch(/^Usage: npm run cli -- apikey:create \[options\]/);
  });

  it('an unknown command is one error line and exit 1', () => {
    const r = cli('nosuch');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("error: unknown command 'nosuch'\n");
  });

  it('the health endpoint answers through the same app', async () => {
    expect((await request(api.app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});
