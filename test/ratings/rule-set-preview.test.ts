import { AuditService } from '@app/audit';
import { ApiKeysService, Role } from '@app/auth';
import { AppConfig, loadConfig } from '@app/config';
import { addDays, DEFAULT_RULE_SETS, makeCreditCode, RuleSet, shanghaiDate, SubjectType } from '@app/credit';
import { QUEUES, redisOptions } from '@app/queue';
import { RuleSetPreview, RuleSetPreviewService, RuleSetsService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConnectionOptions, Job, Queue } from 'bullmq';
import { RuleSetPreviewProcessor } from '../../apps/worker/src/ratings/rule-set-preview.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { waitFor } from '../support/wait-for';

// Above 5 pharmacies a preview is queued for the worker instead of answered inside the request.
const savedInlineMax = process.env.RULE_SET_PREVIEW_INLINE_MAX;
process.env.RULE_SET_PREVIEW_INLINE_MAX = '5';

let api: TestApi;
let worker: INestApplication | undefined;
let regulator: string;
let auditor: string;

const FIELDS = 'id status inline subjectType version subjectsTotal subjectsCompared gradeChanges changes { subjectId creditCode fromGrade toGrade fromScore toScore } error';
const PREVIEW = `query ($r: JSON!, $first: Int) { previewRuleSet(ruleSet: $r, first: $first) { ${FIELDS} } }`;
const POLL = `query ($id: ID!) { ruleSetPreview(id: $id) { ${FIELDS} } }`;

/** Version 2 for pharmacies that lowers the bar for B to 740: an Art.38 penalty (750) moves from C to B. */
function candidate(): RuleSet {
  const rs = structuredClone(DEFAULT_RULE_SETS[SubjectType.PHARMACY]) as unknown as { gradeThresholds: Record<string, number> };
  rs.gradeThresholds = { ...rs.gradeThresholds, B: 740 };
  return { ...(rs as unknown as RuleSet), version: 2, effectiveFrom: addDays(shanghaiDate(new Date()), 1) };
}

/** 12 pharmacies; every third has an Art.38 penalty (C → B under the candidate), one an interview (B either way). */
async function pharmacies(): Promise<string[]> {
  const shops = await api.app.get(SubjectsService).register(
    Array.from({ length: 12 }, (_, i) => ({
      type: 'PHARMACY',
      name: `药房${i}`,
      creditCode: makeCreditCode(`91440300192${String(i).padStart(5, '0')}8`),
      agreementSignedOn: '2015-01-01',
    })),
    'test',
  );
  const events = shops.flatMap((s, i) =>
    i % 3 === 0
      ? [{ sourceSystem: 'p', sourceRef: `a${i}`, subjectId: s.id, type: 'PENALTY_ART38', occurredOn: '2026-05-01', decidedOn: '2026-06-01', amountInvolvedFen: 100_000, fineFen: 100_000, fineMultiple: 1 }]
      : i === 1
        ? [{ sourceSystem: 'p', sourceRef: `i${i}`, subjectId: s.id, type: 'INTERVIEW', occurredOn: '2026-05-01', decidedOn: '2026-06-01' }]
        : [],
  );
  await api.app.get(EventsService).record(events, 'test');
  return shops.map((s) => s.id);
}

/** The inline answer for the same data: the same service with no population limit. */
async function inlineAnswer(first: number): Promise<RuleSetPreview> {
  const unlimited = new RuleSetPreviewService(
    api.dataSource,
    api.app.get(RuleSetsService),
    api.app.get(AuditService),
    { ruleSetPreviewInlineMax: Number.MAX_SAFE_INTEGER } as AppConfig,
  );
  return unlimited.preview(candidate(), first, 'test');
}

const result = (p: Partial<RuleSetPreview>) => ({ subjectsCompared: p.subjectsCompared, gradeChanges: p.gradeChanges, changes: p.changes });

beforeAll(async () => {
  api = await startApi();
});
beforeEach(async () => {
  await resetDatabase(api.dataSource);
  const keys = api.app.get(ApiKeysService);
  regulator = (await keys.create(Role.REGULATOR, 'r', 'test')).secret;
  auditor = (await keys.create(Role.AUDITOR, 'a', 'test')).secret;
});
afterAll(async () => {
  await worker?.close();
  await api.close();
  if (savedInlineMax === undefined) delete process.env.RULE_SET_PREVIEW_INLINE_MAX;
  else process.env.RULE_SET_PREVIEW_INLINE_MAX = savedInlineMax;
});

describe('previewRuleSet over RULE_SET_PREVIEW_INLINE_MAX subjects', () => {
  it('is queued through the outbox (no queue in the API), computed in keyset chunks that resume after a crash, equal to the inline answer', async () => {
    const ids = await pharmacies();
    const res = await api.gql(PREVIEW, { r: candidate() }, regulator);
    expect(res.body.errors).toBeUndefined();
    const queued = res.body.data.previewRuleSet;
    expect(queued).toMatchObject({ status: 'QUEUED', inline: false, subjectType: 'PHARMACY', version: 2, subjectsTotal: 12, subjectsCompared: 0, gradeChanges: 0, changes: [] });
    expect(queued.id).toMatch(/^\d+$/);
    // One transaction wrote the preview, its outbox message and the audit row.
    expect(await api.dataSource.query(`SELECT topic, subject_id FROM outbox WHERE topic <> 'subject-changed'`)).toEqual([
      { topic: 'rule-set-preview', subject_id: queued.id },
    ]);
    expect(await api.dataSource.query(`SELECT target_id FROM audit_log WHERE action = 'ruleset.preview'`)).toEqual([{ target_id: queued.id }]);

    // The worker's part, in chunks of 5, killed after the first chunk: the checkpoint holds, the rerun resumes.
    const service = api.app.get(RuleSetPreviewService);
    await expect(
      service.runQueued(queued.id, () => {
        throw new Error('killed');
      }, 5),
    ).rejects.toThrow('killed');
    const running = (await api.gql(POLL, { id: queued.id }, auditor)).body.data.ruleSetPreview;
    expect(running).toMatchObject({ status: 'RUNNING', subjectsCompared: 5, gradeChanges: 2 });
    const done = await service.runQueued(queued.id, undefined, 5);
    expect(done.status).toBe('DONE');

    const polled = (await api.gql(POLL, { id: queued.id }, auditor)).body.data.ruleSetPreview;
    expect(polled).toMatchObject({ status: 'DONE', inline: false, subjectsCompared: 12, gradeChanges: 4, error: null });
    expect(polled.changes.map((c: { subjectId: string }) => c.subjectId)).toEqual([ids[0], ids[3], ids[6], ids[9]]);
    const inline = await inlineAnswer(100);
    expect(inline).toMatchObject({ status: 'DONE', inline: true, id: null });
    expect(result(polled)).toEqual(result(inline));
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM rule_sets'))[0].n)).toBe(4);
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM ratings'))[0].n)).toBe(0);
  });

  it('the real worker (outbox relay → previews queue → processor) completes it; the list is capped, the count is not', async () => {
    await pharmacies();
    const res = await api.gql(PREVIEW, { r: candidate(), first: 3 }, regulator);
    const { id } = res.body.data.previewRuleSet;
    expect(res.body.data.previewRuleSet.status).toBe('QUEUED');

    // Jobs of earlier runs of this suite (same prefix, same preview ids) must not shadow this one's job id.
    const config = loadConfig();
    const leftovers = new Queue(QUEUES.previews, { connection: redisOptions(config, 'producer') as ConnectionOptions, prefix: config.redis.prefix });
    await leftovers.obliterate({ force: true });
    await leftovers.close();
    const ref = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = ref.createNestApplication({ logger: false });
    await worker.init();

    const polled = await waitFor(async () => {
      const p = (await api.gql(POLL, { id }, regulator)).body.data.ruleSetPreview;
      return p.status === 'DONE' || p.status === 'FAILED' ? p : null;
    }, 30_000);
    expect(polled).toMatchObject({ status: 'DONE', subjectsCompared: 12, gradeChanges: 4 });
    expect(polled.changes).toHaveLength(3);
    expect(result(polled)).toEqual(result(await inlineAnswer(3)));
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0].n)).toBe(0);
    await worker.close(); // the other tests drive the worker's part themselves
    worker = undefined;
  });

  it('the last failed attempt marks the preview FAILED with the reason; earlier ones leave it for the retry', async () => {
    await pharmacies();
    const { id } = (await api.gql(PREVIEW, { r: candidate() }, regulator)).body.data.previewRuleSet;
    // The stored pharmacy rules gone (a deployment fault): nothing to compare the candidate with, so the job throws.
    await api.dataSource.query(`DELETE FROM rule_sets WHERE subject_type = 'PHARMACY'`);
    const processor = new RuleSetPreviewProcessor(api.app.get(RuleSetPreviewService));
    const job = (attemptsMade: number) =>
      ({ data: { previewId: id }, attemptsMade, opts: { attempts: 3 }, updateProgress: async () => undefined }) as unknown as Job;
    await expect(processor.compute(job(0))).rejects.toThrow(/no PHARMACY rule set in force on /);
    expect((await api.gql(POLL, { id }, regulator)).body.data.ruleSetPreview).toMatchObject({ status: 'RUNNING', error: null });
    await expect(processor.compute(job(2))).rejects.toThrow(/no PHARMACY rule set/);
    const failed = (await api.gql(POLL, { id }, regulator)).body.data.ruleSetPreview;
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^no PHARMACY rule set in force on /) });
    // A late second delivery leaves it as it is.
    await expect(processor.compute(job(0))).resolves.toMatchObject({ status: 'FAILED' });
  });

  it('at or below the limit it still answers inline and stores nothing; an unknown preview id is NOT_FOUND', async () => {
    const shops = await api.app.get(SubjectsService).register(
      [0, 1].map((i) => ({ type: 'PHARMACY', name: `小药房${i}`, creditCode: makeCreditCode(`91440300193${String(i).padStart(5, '0')}8`), agreementSignedOn: '2015-01-01' })),
      'test',
    );
    await api.app.get(EventsService).record(
      [{ sourceSystem: 'p', sourceRef: 'x', subjectId: shops[1].id, type: 'PENALTY_ART38', occurredOn: '2026-05-01', decidedOn: '2026-06-01', amountInvolvedFen: 100_000, fineFen: 100_000, fineMultiple: 1 }],
      'test',
    );
    const res = await api.gql(PREVIEW, { r: candidate() }, regulator);
    expect(res.body.data.previewRuleSet).toMatchObject({ id: null, status: 'DONE', inline: true, subjectsTotal: 2, subjectsCompared: 2, gradeChanges: 1 });
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM rule_set_previews'))[0].n)).toBe(0);
    const missing = await api.gql(POLL, { id: '424242' }, regulator);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
