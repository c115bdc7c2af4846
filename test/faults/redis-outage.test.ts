import { makeCreditCode } from '@app/credit';
import { FaultStack } from './support/fault-stack';
import { ratingsState } from './support/ratings-state';
import { Change, Receiver } from '../lists/webhook-receiver';
import { waitFor } from '../support/wait-for';

/**
 * R2 (quality.md): Redis stopped while events are recorded through the API process. Every event is stored
 * (the database is the source of truth, the outbox its queue feed); rescoring, the list changes and the
 * webhooks catch up by themselves when Redis is back, to the state a clean run gives. Health tells the truth:
 * the API stays ready (Redis reported), the worker says 503 naming Redis, both recover without a restart.
 */
let stack: FaultStack;
let regulator: string;
let ndrc: string;
const receiver = new Receiver();
const N = 12;
const codes = Array.from({ length: N }, (_, i) => makeCreditCode(`1212000066${String(i).padStart(7, '0')}`));

beforeAll(async () => {
  stack = await FaultStack.start('r2', { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '500', WEBHOOK_BATCH_SIZE: '5' });
  await receiver.start();
  regulator = stack.apiKey('REGULATOR');
  ndrc = stack.apiKey('NDRC');
  await Promise.all([stack.spawn('api'), stack.spawn('worker')]);
});
afterAll(async () => {
  await receiver.close();
  await stack?.stop();
});

const count = async (sql: string) => Number((await stack.query(sql))[0].n);
const pendingWork = () => count('SELECT (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL) + (SELECT COUNT(*) FROM rescore_due) AS n');

const RECORD = 'mutation ($e: [RecordEventInput!]!) { recordEvents(input: $e) { created duplicates } }';
/** An Art.40 fraud decision (severe-list candidate, grade D and so key supervision) or a mild interview. */
function event(i: number, ref: string) {
  const base = { sourceSystem: 'faults-r2', sourceRef: ref, creditCode: codes[i % N], occurredOn: '2026-09-01', decidedOn: '2026-10-12' };
  return i % 3 === 0
    ? { ...base, type: 'PENALTY_ART40', amountInvolvedFen: 5_000_000, fineFen: 10_000_000, fineMultiple: 2, legalBasis: '条例第40条', decisionNo: `津医保罚〔2026〕${i}号`, authority: '天津市医疗保障局' }
    : { ...base, type: 'INTERVIEW' };
}

async function feedChanges(list: string): Promise<Change[]> {
  const res = await fetch(`http://127.0.0.1:${stack.ports.api}/feeds/lists/${list}/changes?since=0`, { headers: { authorization: `Bearer ${ndrc}` } });
  expect(res.status).toBe(200);
  return (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Change);
}

describe('R2: Redis stopped while events are recorded', () => {
  it('stores every event; rescoring, list changes and webhooks catch up by themselves when Redis is back', async () => {
    const registered = await stack.gql(
      'mutation ($s: [RegisterSubjectInput!]!) { registerSubjects(input: $s) { id } }',
      { s: codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `故障医院${i}`, creditCode, regionCode: '120103', agreementSignedOn: '2015-01-01' })) },
      regulator,
    );
    expect(registered.errors).toBeUndefined();
    await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM ratings')) === N && (await pendingWork()) === 0, 150_000, 100);
    const sub = await stack.gql(
      'mutation ($url: String!) { createWebhookSubscription(list: KEY_SUPERVISION, url: $url, afterSeq: 0) { secret subscription { id } } }',
      { url: receiver.url },
      ndrc,
    );
    expect(sub.errors).toBeUndefined();
    receiver.secret = sub.data!.createWebhookSubscription.secret;
    const ratedBefore = await ratingsState(stack);

    stack.services('stop-redis');
    // The worker cannot work without Redis: 503 naming it. The API records through the outbox: still ready, Redis reported.
    const workerDown = await stack.healthBecomes('worker', 'ready', 503);
    expect(workerDown.body?.error).toEqual({ redis: { status: 'down', message: 'redis unreachable' } });
    const apiReady = await stack.health('api', 'ready');
    expect(apiReady.status).toBe(200);
    expect(apiReady.body?.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' }, redis: { status: 'down' } });
    expect((await stack.health('api', 'live')).status).toBe(200);
    expect((await stack.health('worker', 'live')).status).toBe(200);

    // Recording goes on: batches one after another, and a few at once.
    const sent = Array.from({ length: 36 }, (_, i) => event(i, `e${i}`));
    for (let i = 0; i < 24; i += 6) expect((await stack.gql(RECORD, { e: sent.slice(i, i + 6) }, regulator)).data?.recordEvents).toEqual({ created: 6, duplicates: 0 });
    const parallel = await Promise.all([0, 1, 2].map((k) => stack.gql(RECORD, { e: sent.slice(24 + 4 * k, 28 + 4 * k) }, regulator)));
    for (const r of parallel) expect(r.data?.recordEvents).toEqual({ created: 4, duplicates: 0 });
    expect(await count(`SELECT COUNT(*) AS n FROM events WHERE source_system = 'faults-r2'`)).toBe(sent.length);
    // Nothing moved past the outbox while Redis is away.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL')).toBeGreaterThan(0);
    expect(await ratingsState(stack)).toEqual(ratedBefore);
    expect(await count('SELECT COUNT(*) AS n FROM list_changes')).toBe(0);
    expect((await stack.health('worker', 'ready')).status).toBe(503);

    stack.services('up'); // the same port, an empty Redis (the test profile keeps no AOF)
    await stack.healthBecomes('worker', 'ready', 200, 60_000);
    await waitFor(async () => ((await stack.health('api', 'ready')).body?.details as { redis?: { status: string } })?.redis?.status === 'up', 30_000, 200);
    await waitFor(async () => (await pendingWork()) === 0, 120_000, 200);

    // Caught up to a clean run: a full rescore and a full list refresh find nothing left to change.
    const rescored = stack.cli('rescore', '--all');
    expect(rescored.status).toBe(0);
    expect(rescored.stdout).toMatch(/: 12 subjects, 0 ratings changed/);
    const refreshed = stack.cli('lists:refresh', '--all');
    expect(refreshed.status).toBe(0);
    expect(refreshed.stdout).toMatch(/12 subjects, 0 list changes, 0 export changes/);
    const frauds = sent.filter((e) => e.type === 'PENALTY_ART40').length;
    expect(await count(`SELECT COUNT(*) AS n FROM ratings WHERE grade = 'D'`)).toBe(new Set(sent.filter((e) => e.type === 'PENALTY_ART40').map((e) => e.creditCode)).size);
    expect(frauds).toBeGreaterThan(0);

    // The webhook receiver got every key-supervision change, in order, once: the same as the pull feed.
    const feed = await feedChanges('KEY_SUPERVISION');
    expect(feed.length).toBeGreaterThan(0);
    await waitFor(() => receiver.applied.length >= feed.length, 60_000, 100);
    expect(receiver.applied.map((c) => c.seq)).toEqual(feed.map((c) => c.seq));
    expect(receiver.rejected).toEqual([]);
    // The worker records a delivery after the receiver's 2xx reaches it: the last mark may land just after.
    const head = feed[feed.length - 1].seq;
    const subs = await waitFor(async () => {
      const r = await stack.gql('{ webhookSubscriptions { status lastDeliveredSeq } }', {}, ndrc);
      return r.data?.webhookSubscriptions?.[0]?.lastDeliveredSeq === head ? r : null;
    }, 30_000, 200).catch(() => stack.gql('{ webhookSubscriptions { status lastDeliveredSeq } }', {}, ndrc));
    expect(subs.data!.webhookSubscriptions).toEqual([{ status: 'ACTIVE', lastDeliveredSeq: head }]);
  });
});
