import { ApiKeysService, Role } from '@app/auth';
import { containsResidentIdPattern, makeCreditCode, makeResidentId } from '@app/credit';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { typeOrmOptions } from '@app/database';
import { AuditModule } from '@app/audit';
import { ApiKeysModule } from '@app/auth';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { Test } from '@nestjs/testing';
import { resetDatabase } from '../support/database';
import { freePort } from '../support/own-redis';
import { ROOT } from '../support/test-env';
import { waitFor } from '../support/wait-for';

const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const practitionerId = makeResidentId('12010319800101001');
const insuredId = makeResidentId('12010320100305002'); // a minor
const strangerId = makeResidentId('12010319700707003');
const badId = '120103198001010010'; // a wrong check digit: refused, and must not be echoed either
const hospital = makeCreditCode('12120000401234567');
const CLEAR_IDS = [practitionerId, insuredId, strangerId, badId];

/**
 * The real API process with verbose logs, driven through every path that handles resident IDs (register,
 * record, errors, the regulator's reveal, an auditor's refusal), and the CSV import; then every captured
 * line of output is searched for the clear IDs and for any ID-shaped string.
 */
describe('no resident ID in logs or in responses to roles that may not see it', () => {
  let api: ChildProcess;
  let logs = '';
  let base = '';
  let ds: DataSource;
  const keys: Partial<Record<Role, string>> = {};
  const responses: string[] = [];

  beforeAll(async () => {
    ds = new DataSource(typeOrmOptions(loadConfig()));
    await ds.initialize();
    await resetDatabase(ds);
    const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditModule, ApiKeysModule] }).compile();
    const app = await ref.init();
    for (const role of [Role.REGULATOR, Role.AUDITOR, Role.BUDGET]) keys[role] = (await app.get(ApiKeysService).create(role, role, 'test')).secret;
    await app.close();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [...TS_NODE, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'trace', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (d) => (logs += d));
    api.stderr!.on('data', (d) => (logs += d));
    await waitFor(async () => (await request(base).get('/health/live')).status === 200, 45_000, 200);
  });
  afterAll(async () => {
    api?.kill('SIGTERM');
    await ds?.destroy();
  });

  async function gql(role: Role, query: string, variables?: Record<string, unknown>) {
    const res = await request(base).post('/graphql').set('authorization', `Bearer ${keys[role]}`).send({ query, variables });
    responses.push(`${role} ${res.text}`);
    return res;
  }

  it('exercises every path that carries a resident ID', async () => {
    const register = `mutation ($i: [RegisterSubjectInput!]!) { registerSubjects(input: $i) { id maskedResidentId } }`;
    const ok = await gql(Role.REGULATOR, register, {
      i: [
        { type: 'MEDICAL_INSTITUTION', name: '天津市第一测试医院', creditCode: hospital },
        { type: 'PRACTITIONER', name: '王五', residentId: practitionerId, profession: 'PHYSICIAN', institutionCreditCode: hospital },
      ],
    });
    expect(ok.body.data.registerSubjects[1].maskedResidentId).toBe(`${practitionerId.slice(0, 6)}********${practitionerId.slice(14)}`);
    const refused = await gql(Role.REGULATOR, register, { i: [{ type: 'INSURED_PERSON', name: '赵六', residentId: badId }] });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RESIDENT_ID', index: 0 });

    const record = `mutation ($i: [RecordEventInput!]!) { recordEvents(input: $i) { created } }`;
    const item = { sourceSystem: 'pii', occurredOn: '2026-01-05', decidedOn: '2026-02-01' };
    expect(
      (await gql(Role.REGULATOR, record, {
        i: [
          { ...item, sourceRef: 'p1', residentId: practitionerId, type: 'INTERVIEW', responsibility: 'MAIN' },
          { ...item, sourceRef: 'p2', residentId: insuredId, type: 'INSURED_VIOLATION', amountInvolvedFen: 120000 },
        ],
      })).body.data.recordEvents.created,
    ).toBe(2);
    // Unknown practitioner, bad ID, an ID where an enum is expected: all refused without echoing the value.
    await gql(Role.REGULATOR, record, { i: [{ ...item, sourceRef: 'p3', residentId: strangerId, type: 'INTERVIEW', responsibility: 'MAIN' }] });
    await gql(Role.REGULATOR, record, { i: [{ ...item, sourceRef: 'p4', residentId: badId, type: 'INSURED_VIOLATION' }] });
    await gql(Role.REGULATOR, record, { i: [{ ...item, sourceRef: 'p5', residentId: insuredId, type: strangerId }] });
    await gql(Role.REGULATOR, record, { i: [{ ...item, sourceRef: strangerId, residentId: insuredId, type: 'INSURED_VIOLATION' }] });

    const lookup = `{ subjects(type: PRACTITIONER) { nodes { maskedResidentId residentId } } }`;
    const regulator = await gql(Role.REGULATOR, lookup);
    expect(regulator.body.data.subjects.nodes[0].residentId).toBe(practitionerId); // the one role allowed
    const auditor = await gql(Role.AUDITOR, lookup);
    expect(auditor.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(containsResidentIdPattern(auditor.text)).toBe(false);
    await gql(Role.AUDITOR, `{ subjects(type: INSURED_PERSON) { nodes { id maskedResidentId events { type } } } }`);
    await gql(Role.AUDITOR, `{ auditLog(first: 100) { nodes { action diff } } }`);
    await gql(Role.BUDGET, `{ subjects { nodes { id } } }`);
  });

  it('the CSV import report and output carry no clear ID either', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pii-'));
    const file = join(dir, 'events.csv');
    writeFileSync(
      file,
      [
        'sourceSystem,sourceRef,residentId,type,occurredOn,decidedOn,responsibility',
        `csv,c1,${practitionerId},INTERVIEW,2026-01-05,2026-02-01,GENERAL`,
        `csv,c2,${badId},INTERVIEW,2026-01-05,2026-02-01,GENERAL`,
        `csv,${strangerId},${strangerId},INTERVIEW,2026-01-05,2026-02-01,GENERAL`,
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [...TS_NODE, 'apps/cli/src/main.ts', 'import:events', file], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'trace' },
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('rows 3, created 1');
    const report = readFileSync(`${file}.rejected.csv`, 'utf8');
    expect(report.split('\n').filter(Boolean)).toHaveLength(3);
    for (const text of [r.stdout, r.stderr, report]) {
      for (const id of CLEAR_IDS) expect(text).not.toContain(id);
      expect(containsResidentIdPattern(text)).toBe(false);
    }
  });

  it('no captured log line and no non-regulator response contains a resident ID', async () => {
    await waitFor(() => logs.includes('"statusCode"'), 5000);
    expect(logs.length).toBeGreaterThan(1000); // the API did log (trace level): the search below means something
    const lines = logs.split('\n');
    for (const id of CLEAR_IDS) expect(lines.filter((l) => l.includes(id))).toEqual([]);
    expect(lines.filter((l) => containsResidentIdPattern(l))).toEqual([]);
    const others = responses.filter((r) => !r.startsWith(Role.REGULATOR));
    expect(others.length).toBeGreaterThan(3);
    for (const r of others) expect(containsResidentIdPattern(r)).toBe(false);
    // The regulator's answers carry the ID only where it asked for it in clear.
    const regulatorLeaks = responses.filter((r) => r.startsWith(Role.REGULATOR) && containsResidentIdPattern(r) && !r.includes('"residentId"'));
    expect(regulatorLeaks).toEqual([]);
  });
});
