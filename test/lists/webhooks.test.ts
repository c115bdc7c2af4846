import { ApiKeysService, Role } from '@app/auth';
import { ListKind } from '@app/credit';
import { streamHead } from '@app/database';
import { ListChangesReader, listStream, WebhookDeliveryService } from '@app/lists';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { OwnRedis } from '../support/own-redis';
import { waitFor } from '../support/wait-for';
import { applyLists, desired, registerInstitutions } from './list-feeds-support';
import { Change, Receiver } from './webhook-receiver';

/** The settings both apps start with: the loopback receiver allowed, small batches, quick retries. */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_BATCH_SIZE: '4',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_MAX_FAILURES: '4',
};
const KS = ListKind.KEY_SUPERVISION;
const GC = ListKind.GOOD_CONDUCT;
const SD = ListKind.SEVERE_DISHONESTY;

let redis: OwnRedis;
let api: TestApi;
let worker: INestApplication;
let ds: DataSource;
const keys: Partial<Record<Role | 'NDRC2' | 'REVOKED', string>> = {};
let ids: string[];
const receivers: Receiver[] = [];
/** Every GraphQL response body after a secret was shown: none may contain it. */
const laterResponses: string[] = [];

async function withEnv<T>(env: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await start();
  } finally {
    process.env = saved;
  }
}

beforeAll(async () => {
  redis = await OwnRedis.start();
  api = await withEnv(WEBHOOK_ENV, () => startApi());
  ds = api.dataSource;
  await resetDatabase(ds);
  worker = await withEnv({ ...WEBHOOK_ENV, REDIS_PORT: String(redis.port) }, async () => {
    const ref = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    const app = ref.createNestApplication({ logger: false });
    await app.init();
    return app;
  });
  const apiKeys = api.app.get(ApiKeysService);
  for (const role of Object.values(Role)) keys[role] = (await apiKeys.create(role, `webhooks ${role}`, 'test')).secret;
  keys.NDRC2 = (await apiKeys.create(Role.NDRC, 'webhooks second commission key', 'test')).secret;
  ids = await registerInstitutions(api, 12, '1212000043');
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  for (const r of receivers) await r.close();
  await redis?.down();
});

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  await r.start();
  receivers.push(r);
  return r;
}

async function gql(key: keyof typeof keys, query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables, keys[key]);
  return res;
}

const SUB_FIELDS = 'id list url status lastDeliveredSeq lastAttemptAt nextAttemptAt lastError consecutiveFailures createdBy';
const CREATE = `mutation ($list: ListKind!, $url: String!, $afterSeq: Int) { createWebhookSubscription(list: $list, url: $url, afterSeq: $afterSeq) { secret subscription { ${SUB_FIELDS} } } }`;

async function subscribe(key: keyof typeof keys, list: ListKind, url: string, afterSeq?: number): Promise<{ id: string; secret: string }> {
  const res = await gql(key, CREATE, { list, url, afterSeq });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  const created = res.body.data.createWebhookSubscription;
  return { id: created.subscription.id, secret: created.secret };
}

interface SubView {
  id: string;
  status: string;
  lastDeliveredSeq: number;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
}

async function subscriptions(key: keyof typeof keys = Role.REGULATOR): Promise<SubView[]> {
  const res = await gql(key, `{ webhookSubscriptions { ${SUB_FIELDS} } }`);
  laterResponses.push(res.text);
  return res.body.data.webhookSubscriptions;
}

async function subscription(id: string): Promise<SubView> {
  const found = (await subscriptions()).find((s) => s.id === id);
  if (!found) throw new Error(`subscription ${id} missing`);
  return found;
}

const head = (list: ListKind): Promise<number> => streamHead(ds.manager, listStream(list));

/** Several transactions of changes on one list: entries added, then amended (MODIFY), then some removed. */
async function writeChanges(list: ListKind, reason: string, subjects: string[]): Promise<void> {
  for (const id of subjects) await applyLists(api, id, [desired(list, reason, { legalBasis: '条例第38条' })]);
  for (const id of subjects.slice(0, 3)) await applyLists(api, id, [desired(list, reason, { legalBasis: '条例第40条' })]);
  for (const id of subjects.slice(3, 5)) await applyLists(api, id, []);
}

describe('webhook push of the list changes', () => {
  it('delivers every change exactly once in order, signed, including after answering 500 twice; an altered body fails verification', async () => {
    const r = await receiver();
    r.failNext = 2;
    const start = await head(KS);
    const sub = await subscribe(Role.NDRC, KS, r.url, start);
    r.secret = sub.secret;
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await writeChanges(KS, 'GRADE_D', ids.slice(0, 6));
    await waitFor(async () => (await subscription(sub.id)).lastDeliveredSeq === (await head(KS)), 30_000);
    await writeChanges(KS, 'GRADE_E', ids.slice(6, 12)); // a second wave after the first was delivered
    const end = await head(KS);
    await waitFor(async () => (await subscription(sub.id)).lastDeliveredSeq === end, 30_000);

    // Exactly the changes after the start, in order, no gaps, none twice, each as the pull feed has it.
    expect(r.applied.map((c) => c.seq)).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
    const pulled = await api.app.get(ListChangesReader).since(KS, start, 10_000);
    expect(r.applied).toEqual(JSON.parse(JSON.stringify(pulled.changes)));
    expect(r.applied.map((c) => c.op)).toEqual(expect.arrayContaining(['ADD', 'MODIFY', 'REMOVE']));

    // The first two attempts failed; the retry carried the same batch under the same webhook-id.
    const [first, second, third] = r.deliveries;
    expect([first.answered, second.answered, third.answered]).toEqual([500, 500, 204]);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(third.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(third.body).toBe(first.body);
    expect(r.rejected).toEqual([]);
    // No batch was answered 2xx twice (nothing for the receiver to drop), and batches went out in seq order.
    const answeredOk = r.deliveries.filter((d) => d.answered < 300).map((d) => d.headers['webhook-id']);
    expect(new Set(answeredOk).size).toBe(answeredOk.length);
    const froms = r.deliveries.map((d) => (JSON.parse(d.body) as { fromSeq: number }).fromSeq);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    for (const d of r.deliveries) {
      const batch = JSON.parse(d.body) as { type: string; list: string; fromSeq: number; toSeq: number; changes: Change[] };
      expect(batch.type).toBe('list.changes');
      expect(batch.list).toBe(KS);
      expect(batch.changes.length).toBeGreaterThan(0);
      expect(batch.changes.length).toBeLessThanOrEqual(4); // WEBHOOK_BATCH_SIZE
      expect(batch.changes.map((c) => c.seq)).toEqual(Array.from({ length: batch.toSeq - batch.fromSeq + 1 }, (_, i) => batch.fromSeq + i));
      expect(d.headers['webhook-id']).toBe(`${sub.id}-${batch.fromSeq}-${batch.toSeq}`);
      expect(d.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(d.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(d.headers['content-type']).toBe('application/json');
    }
    const state = await subscription(sub.id);
    expect(state).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0, lastError: null, nextAttemptAt: null });

    // A delivery whose body (or id) was altered on the way does not verify.
    const wh = new Webhook(sub.secret);
    const ok = r.deliveries[r.deliveries.length - 1];
    expect(() => wh.verify(ok.body, ok.headers)).not.toThrow();
    const altered = ok.body.replace('"op":"', '"op":"X');
    expect(altered).not.toBe(ok.body);
    expect(() => wh.verify(altered, ok.headers)).toThrow(WebhookVerificationError);
    expect(() => wh.verify(`${ok.body} `, ok.headers)).toThrow(WebhookVerificationError);
    expect(() => wh.verify(ok.body, { ...ok.headers, 'webhook-id': `${ok.headers['webhook-id']}0` })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(ok.body, ok.headers)).toThrow(WebhookVerificationError);

    // Only other lists' changes (subjects with no KS entry, so nothing leaves KS): nothing more is sent.
    const sent = r.deliveries.length;
    const others = await registerInstitutions(api, 5, '1212000046');
    await writeChanges(GC, 'GRADE_A_TWO_YEARS', others);
    expect(await api.app.get(WebhookDeliveryService).due()).not.toContain(sub.id);
    expect(r.deliveries.length).toBe(sent);
  });

  it("stops sending to a subscription once its owner's key is revoked", async () => {
    const r = await receiver();
    const apiKeys = api.app.get(ApiKeysService);
    const owner = await apiKeys.create(Role.NDRC, 'webhooks key to revoke', 'test');
    keys.REVOKED = owner.secret;
    const start = await head(KS);
    const sub = await subscribe('REVOKED', KS, r.url, start);
    r.secret = sub.secret;
    const subjects = await registerInstitutions(api, 2, '1212000047');
    await applyLists(api, subjects[0], [desired(KS, 'GRADE_D', { legalBasis: '条例第38条' })]);
    await waitFor(async () => (await subscription(sub.id)).lastDeliveredSeq === (await head(KS)), 30_000);
    const sent = r.deliveries.length;
    expect(sent).toBeGreaterThan(0);

    await apiKeys.revoke(owner.key.id, 'test');
    await applyLists(api, subjects[1], [desired(KS, 'GRADE_D', { legalBasis: '条例第38条' })]);
    const delivery = api.app.get(WebhookDeliveryService);
    expect(await delivery.due()).not.toContain(sub.id);
    // Even when it was already queued as due before the revocation, the delivery sends nothing.
    expect(await delivery.deliver(sub.id)).toEqual({ delivered: 0, failed: null });
    expect(r.deliveries.length).toBe(sent);
    expect((await subscription(sub.id)).lastDeliveredSeq).toBeLessThan(await head(KS));
  });

  it('starts at the list head by default, or after afterSeq; refuses afterSeq beyond the head', async () => {
    const h = await head(KS);
    expect(h).toBeGreaterThan(3);
    const r1 = await receiver();
    const r2 = await receiver();
    const fromHead = await subscribe(Role.NDRC, KS, r1.url);
    const fromThree = await subscribe(Role.NDRC, KS, r2.url, 3);
    r1.secret = fromHead.secret;
    r2.secret = fromThree.secret;
    expect((await subscription(fromHead.id)).lastDeliveredSeq).toBe(h);
    await waitFor(async () => (await subscription(fromThree.id)).lastDeliveredSeq === h, 30_000);
    expect(r2.applied.map((c) => c.seq)).toEqual(Array.from({ length: h - 3 }, (_, i) => 4 + i));
    await applyLists(api, ids[0], [desired(KS, 'GRADE_D', { legalBasis: '条例第41条' })]);
    const h2 = await head(KS);
    await waitFor(async () => (await subscription(fromHead.id)).lastDeliveredSeq === h2 && (await subscription(fromThree.id)).lastDeliveredSeq === h2, 30_000);
    expect(r1.applied.map((c) => c.seq)).toEqual(Array.from({ length: h2 - h }, (_, i) => h + 1 + i));

    const beyond = await gql(Role.NDRC, CREATE, { list: KS, url: r1.url, afterSeq: h2 + 1 });
    expect(beyond.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterSeq', reason: 'SEQ_AHEAD_OF_HEAD' });
    for (const s of [fromHead, fromThree]) await gql(Role.NDRC, `mutation { deleteWebhookSubscription(id: "${s.id}") }`);
  });

  it('refuses URLs that are not https or that reach private, loopback or link-local addresses (unless allowed)', async () => {
    const before = Number((await ds.query('SELECT COUNT(*) AS n FROM webhook_subscriptions'))[0].n);
    const cases: [string, string][] = [
      ['https://10.0.0.1/hook', 'PRIVATE_ADDRESS'],
      ['https://192.168.1.20/hook', 'PRIVATE_ADDRESS'],
      ['https://169.254.169.254/latest/meta-data', 'PRIVATE_ADDRESS'],
      ['https://[::1]:8443/hook', 'PRIVATE_ADDRESS'],
      ['https://[fe80::1]/hook', 'PRIVATE_ADDRESS'],
      ['https://localhost/hook', 'PRIVATE_ADDRESS'], // a name resolving to loopback; only 127.0.0.1 is allowed
      ['http://127.0.0.2/hook', 'INSECURE_URL'],
      ['http://ndrc.example.cn/hook', 'INSECURE_URL'],
      ['https://user:pw@ndrc.example.cn/hook', 'INVALID_URL'],
      ['not a url', 'INVALID_URL'],
    ];
    for (const [url, reason] of cases) {
      const res = await gql(Role.NDRC, CREATE, { list: SD, url });
      expect([url, res.body.errors?.[0]?.extensions]).toEqual([url, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url', reason })]);
      expect(res.body.data).toBeNull();
    }
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM webhook_subscriptions'))[0].n)).toBe(before);
  });

  it('re-checks the address at delivery time: a host that now resolves to loopback is refused without a request', async () => {
    const r = await receiver();
    const sub = await subscribe(Role.NDRC, KS, r.url, await head(KS));
    r.secret = sub.secret;
    // As if the name had been public at creation and rebound since: "localhost" is not allowed, 127.0.0.1 is.
    await ds.query('UPDATE webhook_subscriptions SET url = ? WHERE id = ?', [r.url.replace('127.0.0.1', 'localhost'), sub.id]);
    await applyLists(api, ids[7], [desired(KS, 'GRADE_E', { legalBasis: '条例第42条' })]);
    await waitFor(async () => (await subscription(sub.id)).consecutiveFailures >= 1, 30_000);
    const state = await subscription(sub.id);
    expect(state.lastError).toMatch(/^refused: .*private, loopback or link-local/);
    expect(state.lastDeliveredSeq).toBe((await head(KS)) - 1);
    expect(r.deliveries).toEqual([]);
    await gql(Role.REGULATOR, `mutation { deleteWebhookSubscription(id: "${sub.id}") }`);
  });

  it('counts a secret that no longer decrypts as a failed delivery, without a request', async () => {
    const r = await receiver();
    const sub = await subscribe(Role.NDRC, KS, r.url, await head(KS));
    await ds.query('UPDATE webhook_subscriptions SET secret_enc = UNHEX(REPEAT(\'00\', 60)) WHERE id = ?', [sub.id]);
    await applyLists(api, ids[8], [desired(KS, 'GRADE_E', { legalBasis: '条例第43条' })]);
    await waitFor(async () => (await subscription(sub.id)).consecutiveFailures >= 1, 30_000);
    expect((await subscription(sub.id)).lastError).toMatch(/signing secret cannot be decrypted/);
    expect(r.deliveries).toEqual([]);
    await gql(Role.REGULATOR, `mutation { deleteWebhookSubscription(id: "${sub.id}") }`);
  });

  it('pauses after WEBHOOK_MAX_FAILURES failures in a row; resume sends the same batch again and goes on', async () => {
    const r = await receiver();
    r.failAll = true;
    const start = await head(GC);
    const sub = await subscribe(Role.NDRC, GC, r.url, start);
    r.secret = sub.secret;
    await writeChanges(GC, 'GRADE_A_TWO_YEARS', ids.slice(4, 10));
    await waitFor(async () => (await subscription(sub.id)).status === 'PAUSED', 30_000);
    const paused = await subscription(sub.id);
    expect(paused).toMatchObject({ status: 'PAUSED', consecutiveFailures: 4, lastError: 'HTTP 500', lastDeliveredSeq: start });
    expect(r.deliveries.map((d) => d.answered)).toEqual([500, 500, 500, 500]);
    expect(new Set(r.deliveries.map((d) => d.headers['webhook-id'])).size).toBe(1);
    // Paused: the dispatcher no longer picks it up, however far behind it is.
    expect(await api.app.get(WebhookDeliveryService).due()).not.toContain(sub.id);
    const audit = await ds.query(`SELECT actor, action FROM audit_log WHERE target_type = 'webhook_subscription' AND target_id = ? ORDER BY seq`, [sub.id]);
    expect(audit).toEqual([
      { actor: expect.stringMatching(/^apikey:/), action: 'webhook.create' },
      { actor: 'system:webhook-delivery', action: 'webhook.pause' },
    ]);

    // Another commission key may not resume it; the owner may.
    const foreign = await gql('NDRC2', `mutation { resumeWebhookSubscription(id: "${sub.id}") { id } }`);
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    r.failAll = false;
    const resumed = await gql(Role.NDRC, `mutation { resumeWebhookSubscription(id: "${sub.id}") { status consecutiveFailures lastDeliveredSeq } }`);
    laterResponses.push(resumed.text);
    expect(resumed.body.data.resumeWebhookSubscription).toEqual({ status: 'ACTIVE', consecutiveFailures: 0, lastDeliveredSeq: start });
    const end = await head(GC);
    await waitFor(async () => (await subscription(sub.id)).lastDeliveredSeq === end, 30_000);
    expect(r.applied.map((c) => c.seq)).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
    expect(r.deliveries[4].headers['webhook-id']).toBe(r.deliveries[0].headers['webhook-id']);
    expect(r.deliveries[4].body).toBe(r.deliveries[0].body);
  });

  it('shows subscriptions by role: REGULATOR and AUDITOR all, an NDRC key its own; the owner or a REGULATOR deletes', async () => {
    const r = await receiver();
    const mine = await subscribe(Role.NDRC, SD, r.url);
    const theirs = await subscribe('NDRC2', SD, r.url);
    const all = (await subscriptions(Role.REGULATOR)).map((s) => s.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await subscriptions(Role.AUDITOR)).map((s) => s.id)).toEqual(all);
    const own = (await subscriptions(Role.NDRC)).map((s) => s.id);
    expect(own).toContain(mine.id);
    expect(own).not.toContain(theirs.id);
    expect((await subscriptions('NDRC2')).map((s) => s.id)).toEqual([theirs.id]);

    const foreign = await gql('NDRC2', `mutation { deleteWebhookSubscription(id: "${mine.id}") }`);
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const auditor = await gql(Role.AUDITOR, `mutation { deleteWebhookSubscription(id: "${mine.id}") }`);
    expect(auditor.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const byOwner = await gql(Role.NDRC, `mutation { deleteWebhookSubscription(id: "${mine.id}") }`);
    expect(byOwner.body.data.deleteWebhookSubscription).toBe(mine.id);
    const byRegulator = await gql(Role.REGULATOR, `mutation { deleteWebhookSubscription(id: "${theirs.id}") }`);
    expect(byRegulator.body.data.deleteWebhookSubscription).toBe(theirs.id);
    const left = (await subscriptions(Role.REGULATOR)).map((s) => s.id);
    expect(left).not.toContain(mine.id);
    expect(left).not.toContain(theirs.id);
    const again = await gql(Role.REGULATOR, `mutation { deleteWebhookSubscription(id: "${mine.id}") }`);
    expect(again.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never shows a secret again: not in later responses, the audit log or the stored row', async () => {
    const r = await receiver();
    const sub = await subscribe(Role.REGULATOR, SD, r.url);
    const audit = await gql(Role.AUDITOR, '{ auditLog(first: 1000) { nodes { seq action diff } } }');
    laterResponses.push(audit.text);
    for (const role of [Role.REGULATOR, Role.AUDITOR, Role.NDRC]) await subscriptions(role);
    const secrets = receivers.map((x) => x.secret).filter((s) => s).concat(sub.secret);
    const stored: { secret_enc: Buffer }[] = await ds.query('SELECT secret_enc FROM webhook_subscriptions');
    const auditRows: { diff: unknown }[] = await ds.query('SELECT diff FROM audit_log');
    for (const secret of secrets) {
      const key = secret.slice('whsec_'.length);
      for (const text of laterResponses) expect(text.includes(key)).toBe(false);
      for (const row of stored) expect(row.secret_enc.includes(Buffer.from(key))).toBe(false);
      for (const row of auditRows) expect(JSON.stringify(row.diff).includes(key)).toBe(false);
    }
    expect(laterResponses.length).toBeGreaterThan(10);
  });
});
