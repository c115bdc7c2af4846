import { Role } from '@app/auth';
import { ListKind } from '@app/credit';
import { WebhookSecretCipher, WebhookSubscriptionsService } from '@app/lists';
import { KeyRotationService } from '@app/registry';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { ROOT } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { createKey, insured, insuredEvent, ok, practitioner, record, register, RESIDENT_ID_SHAPE, residentId } from './registry-helpers';

/**
 * Resident-ID key rotation (issue 12): `keys:rotate` moves every row to the new key while the API goes on
 * finding subjects by resident ID under either key, and a run killed half-way resumes.
 */

const OLD = { enc: process.env.PII_ENCRYPTION_KEY!, hmac: process.env.PII_HMAC_KEY! };
const NEW = { enc: randomBytes(32).toString('hex'), hmac: randomBytes(32).toString('hex') };
/** The configuration of every process during the rotation: new keys current, old ones still read. */
const ROTATING = { PII_KEY_ID: '2', PII_ENCRYPTION_KEY: NEW.enc, PII_HMAC_KEY: NEW.hmac, PII_PREVIOUS_KEYS: `1:${OLD.enc}:${OLD.hmac}` };

const hmacUnder = (key: string, id: string): string => createHmac('sha256', Buffer.from(key, 'hex')).update(id, 'utf8').digest('hex');

let before: TestApi; // the old configuration (key 1 only)
let during: TestApi; // the rotation's configuration
let regulatorBefore: string;
let regulatorDuring: string;

beforeAll(async () => {
  const saved = { ...process.env };
  process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1'; // a subscription to a local address, never called here
  before = await startApi();
  Object.assign(process.env, ROTATING);
  try {
    during = await startApi();
  } finally {
    for (const k of [...Object.keys(ROTATING), 'WEBHOOK_ALLOWED_HOSTS']) delete process.env[k];
    Object.assign(process.env, saved);
  }
});
beforeEach(async () => {
  await resetDatabase(before.dataSource);
  regulatorBefore = await createKey(before, Role.REGULATOR);
  regulatorDuring = await createKey(during, Role.REGULATOR);
});
afterAll(async () => {
  await before?.close();
  await during?.close();
});

interface Person {
  id: string;
  residentId: string;
  item: Record<string, unknown>;
}

/** Practitioners and insured persons registered under the old key, each with one event recorded by resident ID. */
async function seedUnderOldKey(practitioners: number, insuredPersons: number): Promise<Person[]> {
  const items = [...Array.from({ length: practitioners }, (_, i) => practitioner(i + 1)), ...Array.from({ length: insuredPersons }, (_, i) => insured(i + 1))];
  const subjects = await register(before, regulatorBefore, items);
  const people = subjects.map((s, i) => ({ id: s.id, residentId: items[i].residentId as string, item: items[i] }));
  const insuredPeople = people.filter((p) => p.item.type === 'INSURED_PERSON');
  await record(before, regulatorBefore, insuredPeople.map((p, i) => insuredEvent(`seed-${i}`, { residentId: p.residentId })));
  return people;
}

async function keyRows(api: TestApi): Promise<{ id: string; keyId: number | null; hmac: string; feedKey: string }[]> {
  const rows = await api.dataSource.query(
    'SELECT id, resident_id_key_id AS keyId, resident_id_hmac AS hmac, resident_id_feed_key AS feedKey FROM subjects WHERE resident_id_enc IS NOT NULL ORDER BY id',
  );
  return rows.map((r: { id: string | number; keyId: number | null; hmac: string; feedKey: string }) => ({ ...r, id: String(r.id) }));
}

/** Every person registered again by resident ID through the API: the same subject, never a second one. */
async function expectFoundByResidentId(api: TestApi, key: string, people: Person[]): Promise<void> {
  const again = await register(api, key, people.map((p) => p.item));
  expect(again.map((s) => s.id)).toEqual(people.map((p) => p.id));
}

async function rotationAudit(api: TestApi): Promise<{ action: string; diff: Record<string, unknown> }[]> {
  const rows = await api.dataSource.query(`SELECT action, diff FROM audit_log WHERE target_type = 'pii_key' ORDER BY seq`);
  return rows.map((r: { action: string; diff: string | object }) => ({ action: r.action, diff: typeof r.diff === 'string' ? JSON.parse(r.diff) : r.diff }));
}

it('rotates with live traffic: events and registrations by resident ID during the run find their subjects, and every row ends on the new key', async () => {
  const people = await seedUnderOldKey(40, 80);
  const feedKeys = new Map((await keyRows(before)).map((r) => [r.id, r.feedKey]));
  expect([...feedKeys.values()].every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);

  const rotation = during.app.get(KeyRotationService).run({ chunkSize: 7, pauseMs: 15, actor: 'test:rotation' });
  let finished = false;
  void rotation.finally(() => (finished = true)).catch(() => undefined);

  // Two callers keep recording events for, and registering, the stored persons by resident ID; a third
  // brings in new insured persons. Each event must land on the person's one subject.
  const insuredPeople = people.filter((p) => p.item.type === 'INSURED_PERSON');
  const landed: { eventId: string; subjectId: string }[] = [];
  let rounds = 0;
  const eventsLoop = async (offset: number): Promise<void> => {
    for (let i = offset; !finished || i < offset + 4; i += 2) {
      const p = insuredPeople[i % insuredPeople.length];
      const r = await record(during, regulatorDuring, [insuredEvent(`live-${i}`, { residentId: p.residentId })]);
      landed.push({ eventId: r.events[0].id, subjectId: p.id });
      rounds++;
    }
  };
  const registerLoop = async (): Promise<void> => {
    for (let i = 0; !finished || i < 3; i++) await expectFoundByResidentId(during, regulatorDuring, people.slice((i * 13) % 100, ((i * 13) % 100) + 20));
  };
  const newcomers: string[] = [];
  const newcomerLoop = async (): Promise<void> => {
    for (let i = 0; !finished || i < 3; i++) {
      const id = residentId(30_000 + i);
      await record(during, regulatorDuring, [insuredEvent(`new-${i}`, { residentId: id })]);
      newcomers.push(id);
    }
  };
  await Promise.all([eventsLoop(0), eventsLoop(1), registerLoop(), newcomerLoop(), rotation]);
  const result = await rotation;
  expect(result).toMatchObject({ keyId: 2, pendingAtStart: 120, resumed: false });
  expect(result.rotated).toBe(120);
  expect(rounds).toBeGreaterThan(8); // the traffic really overlapped the run

  const stored: { id: string | number; subjectId: string | number }[] = await during.dataSource.query(
    'SELECT id, subject_id AS subjectId FROM events WHERE id IN (?)',
    [landed.map((l) => l.eventId)],
  );
  const subjectOf = new Map(stored.map((e) => [String(e.id), String(e.subjectId)]));
  for (const l of landed) expect(subjectOf.get(l.eventId)).toBe(l.subjectId);

  // Every row on key 2, hashed under the new HMAC key only; the feed keys the commission holds unchanged.
  const rows = await keyRows(during);
  expect(rows).toHaveLength(people.length + newcomers.length);
  expect(rows.every((r) => r.keyId === 2)).toBe(true);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const p of people) {
    expect(byId.get(p.id)!.hmac).toBe(hmacUnder(NEW.hmac, p.residentId));
    expect(byId.get(p.id)!.feedKey).toBe(feedKeys.get(p.id));
  }
  const [{ n: newcomerRows }] = await during.dataSource.query('SELECT COUNT(*) AS n FROM subjects WHERE resident_id_hmac IN (?)', [newcomers.map((id) => hmacUnder(NEW.hmac, id))]);
  expect(Number(newcomerRows)).toBe(newcomers.length);

  // Found by resident ID afterwards, and the clear ID still decrypts (a regulator's audited reveal).
  await expectFoundByResidentId(during, regulatorDuring, people);
  for (const p of people.slice(0, 5)) {
    const { subject } = await ok<{ subject: { residentId: string } }>(during, 'query($id: ID) { subject(id: $id) { residentId } }', { id: p.id }, regulatorDuring);
    expect(subject.residentId).toBe(p.residentId);
  }

  const audit = await rotationAudit(during);
  expect(audit.map((a) => a.action)).toEqual(['pii.key_rotation.start', 'pii.key_rotation.finish']);
  expect(audit[0].diff).toEqual({ fromKeyIds: ['1'], pending: 120, resumed: false });
  const text = JSON.stringify(audit);
  expect(text).not.toMatch(RESIDENT_ID_SHAPE);
  expect(text).not.toMatch(/[0-9a-f]{64}/);
});

function rotateCli(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'keys:rotate', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...ROTATING },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function rotateCliToEnd(env: Record<string, string> = ROTATING): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'keys:rotate', '--chunk-size', '25'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('resumes: killed half-way, the re-run continues and ends with every row on the new key; lookups work in between', async () => {
  const people = await seedUnderOldKey(20, 130);
  // Webhook signing secrets are encrypted under a key derived from the same PII_ENCRYPTION_KEY.
  const subscriptions = before.app.get(WebhookSubscriptionsService);
  const principal = { role: Role.NDRC, keyId: null, keyName: null };
  const secrets = [
    (await subscriptions.create(ListKind.SEVERE_DISHONESTY, 'http://127.0.0.1:9/a', undefined, principal, 'test')).secret,
    (await subscriptions.create(ListKind.GOOD_CONDUCT, 'http://127.0.0.1:9/b', undefined, principal, 'test')).secret,
  ];
  const child = rotateCli('--chunk-size', '5', '--pause-ms', '40');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onNewKey = async (): Promise<number> => (await keyRows(during)).filter((r) => r.keyId === 2).length;
  await waitFor(async () => (await onNewKey()) >= 20, 60_000, 20);
  child.kill('SIGKILL');
  await exited;

  const half = await keyRows(during);
  const moved = half.filter((r) => r.keyId === 2).length;
  expect(moved).toBeGreaterThanOrEqual(20);
  expect(moved).toBeLessThan(people.length);
  expect(half.filter((r) => r.keyId === 1).length).toBe(people.length - moved);
  // Half on each key: every person is still found by resident ID.
  await expectFoundByResidentId(during, regulatorDuring, people);

  const resumed = rotateCliToEnd();
  expect(resumed.stderr).not.toMatch(RESIDENT_ID_SHAPE);
  expect(resumed.status).toBe(0);
  expect(resumed.stdout).toContain(`${people.length - moved} resident IDs moved to key 2 (resumed an interrupted rotation)`);
  expect(resumed.stdout).toContain('2 webhook signing secrets moved to key 2');
  const newKeyOnly = new WebhookSecretCipher(Buffer.from(NEW.enc, 'hex'));
  const stored: { secret_enc: Buffer }[] = await during.dataSource.query('SELECT secret_enc FROM webhook_subscriptions ORDER BY id');
  expect(stored.map((r) => newKeyOnly.decrypt(r.secret_enc))).toEqual(secrets);
  expect((await keyRows(during)).every((r) => r.keyId === 2)).toBe(true);
  await expectFoundByResidentId(during, regulatorDuring, people);

  const audit = await rotationAudit(during);
  expect(audit.map((a) => a.action)).toEqual(['pii.key_rotation.start', 'pii.key_rotation.start', 'pii.key_rotation.finish']);
  expect(audit[1].diff).toEqual({ fromKeyIds: ['1'], pending: people.length - moved, resumed: true });

  // A third run finds nothing to do and writes nothing.
  const again = rotateCliToEnd();
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('every resident ID is already on key 2');
  expect(again.stdout).not.toContain('webhook');
  expect(await rotationAudit(during)).toHaveLength(3);
}, 240_000); // three CLI processes, each a Nest boot: slow on a loaded machine

it('refuses, changing nothing, when rows are on a key the configuration does not hold', async () => {
  await seedUnderOldKey(3, 3);
  const r = rotateCliToEnd({ ...ROTATING, PII_PREVIOUS_KEYS: '' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('key 1, which is not configured: add it to PII_PREVIOUS_KEYS');
  expect(r.stderr).not.toContain(OLD.enc);
  expect((await keyRows(before)).every((r) => r.keyId === 1)).toBe(true);
  expect(await rotationAudit(before)).toHaveLength(0);
}, 120_000);

it('stops, naming the subject, when a process on the old configuration made a second subject for a person already on the new key', async () => {
  const [person] = await register(during, regulatorDuring, [insured(7)]); // under key 2
  const [twin] = await register(before, regulatorBefore, [insured(7)]); // the old configuration finds no key-1 hash: a second row
  expect(twin.id).not.toBe(person.id);
  const rotation = during.app.get(KeyRotationService).run({ actor: 'test:rotation' });
  await expect(rotation).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'KEY_ROTATION_DUPLICATE_PERSON', subjectId: twin.id } });
  const rows = await keyRows(during);
  expect(rows.find((r) => r.id === twin.id)!.keyId).toBe(1); // its chunk rolled back
  const audit = await rotationAudit(during);
  expect(audit.map((a) => a.action)).toEqual(['pii.key_rotation.start']); // started, never finished: the next run says it resumes
});
