import { ApiKeysService, Role } from '@app/auth';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';

type Caller = Role | 'PUBLIC';
const CALLERS: Caller[] = ['PUBLIC', Role.REGULATOR, Role.NDRC, Role.BUDGET, Role.AUDITOR];

/**
 * Every GraphQL operation, who may call it (consumers.md), and a minimal call. A new operation fails the
 * first test until it is added here, so no operation escapes the matrix.
 */
const MATRIX: Record<string, { allowed: Caller[]; query: string; allowedCodes?: string[] }> = {
  viewer: { allowed: CALLERS, query: '{ viewer { role } }' },
  disclosures: { allowed: CALLERS, query: '{ disclosures(first: 1) { nodes { id } } }' },
  disclosure: { allowed: CALLERS, query: '{ disclosure(id: "999999") { id } }' },
  // Allowed callers reach the service, which refuses a quarter for a monthly kind: the guard let them through.
  generateDisclosure: { allowed: [Role.REGULATOR], query: 'mutation { generateDisclosure(kind: PENALTY_NOTICE, period: "2026-Q3") { id } }', allowedCodes: ['BAD_USER_INPUT'] },
  publishDisclosure: { allowed: [Role.REGULATOR], query: 'mutation { publishDisclosure(id: "999999") { id } }', allowedCodes: ['NOT_FOUND'] },
  withdrawDisclosure: { allowed: [Role.REGULATOR], query: 'mutation { withdrawDisclosure(id: "999999", reason: "x") { id } }', allowedCodes: ['NOT_FOUND'] },
  auditLog: { allowed: [Role.AUDITOR], query: '{ auditLog(first: 1) { nodes { seq } } }' },
  subject: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ subject(id: "1") { id } }' },
  subjects: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ subjects(first: 1) { nodes { id } } }' },
  event: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ event(id: "1") { id } }' },
  ratings: { allowed: [Role.BUDGET, Role.REGULATOR, Role.AUDITOR], query: '{ ratings(creditCodes: ["12100000400000624D"]) { grade hasRecord } }' },
  ratingChanges: { allowed: [Role.BUDGET, Role.REGULATOR, Role.AUDITOR], query: '{ ratingChanges(first: 1) { nodes { seq } } }' },
  // Allowed callers reach the service, which refuses the empty rule set as bad input.
  previewRuleSet: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ previewRuleSet(ruleSet: {}) { gradeChanges } }', allowedCodes: ['BAD_USER_INPUT'] },
  // Allowed callers reach the service and get NOT_FOUND for the unknown preview: the guard let them through.
  ruleSetPreview: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ ruleSetPreview(id: "999999") { status } }', allowedCodes: ['NOT_FOUND'] },
  ruleSets: { allowed: [Role.REGULATOR, Role.AUDITOR, Role.BUDGET], query: '{ ruleSets { version } }' },
  // Allowed callers reach the service, which refuses the empty rule set as bad input: the guard let them through.
  publishRuleSet: { allowed: [Role.REGULATOR], query: 'mutation { publishRuleSet(ruleSet: {}) { version } }', allowedCodes: ['BAD_USER_INPUT'] },
  registerSubjects: { allowed: [Role.REGULATOR], query: 'mutation { registerSubjects(input: []) { id } }' },
  recordEvents: { allowed: [Role.REGULATOR], query: 'mutation { recordEvents(input: []) { created } }' },
  // Allowed callers reach the resolver and get NOT_FOUND for the unknown id: the guard let them through.
  revokeEvent: { allowed: [Role.REGULATOR], query: 'mutation { revokeEvent(id: "999999", reason: "x") { id } }', allowedCodes: ['NOT_FOUND'] },
  amendEvent: {
    allowed: [Role.REGULATOR],
    query: 'mutation { amendEvent(id: "999999", input: {}, reason: "x") { id } }',
    allowedCodes: ['NOT_FOUND'],
  },
  listChanges: { allowed: [Role.NDRC], query: '{ listChanges(list: SEVERE_DISHONESTY, afterSeq: 0) { seq } }' },
  listEntries: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ listEntries(first: 1) { nodes { entryId } } }' },
  creditRepairApplications: { allowed: [Role.REGULATOR, Role.AUDITOR], query: '{ creditRepairApplications(first: 1) { nodes { id } } }' },
  // Allowed callers reach the service and get NOT_FOUND for the unknown entry or objection: the guard let them through.
  confirmListEntry: { allowed: [Role.REGULATOR], query: 'mutation { confirmListEntry(entryId: "SD999999999999") { entryId } }', allowedCodes: ['NOT_FOUND'] },
  recordObjection: {
    allowed: [Role.REGULATOR],
    query: 'mutation { recordObjection(entryId: "SD999999999999", receivedOn: "2026-01-05", summary: "x") { id } }',
    allowedCodes: ['NOT_FOUND'],
  },
  decideObjection: { allowed: [Role.REGULATOR], query: 'mutation { decideObjection(objectionId: "999999", upheld: false, reason: "x") { id } }', allowedCodes: ['NOT_FOUND'] },
  applyForCreditRepair: {
    allowed: [Role.REGULATOR],
    query: 'mutation { applyForCreditRepair(entryId: "SD999999999999", input: { appliedOn: "2026-01-05", penaltyPerformed: true, moneyReturned: true, publicCommitment: true }) { id } }',
    allowedCodes: ['NOT_FOUND'],
  },
  // Allowed callers reach the service, which refuses a plain-http loopback URL as bad input: the guard let them through.
  createWebhookSubscription: {
    allowed: [Role.NDRC, Role.REGULATOR],
    query: 'mutation { createWebhookSubscription(list: SEVERE_DISHONESTY, url: "http://127.0.0.1/hook") { secret } }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  webhookSubscriptions: { allowed: [Role.NDRC, Role.REGULATOR, Role.AUDITOR], query: '{ webhookSubscriptions { id } }' },
  resumeWebhookSubscription: { allowed: [Role.NDRC, Role.REGULATOR], query: 'mutation { resumeWebhookSubscription(id: "999999") { id } }', allowedCodes: ['NOT_FOUND'] },
  deleteWebhookSubscription: { allowed: [Role.NDRC, Role.REGULATOR], query: 'mutation { deleteWebhookSubscription(id: "999999") }', allowedCodes: ['NOT_FOUND'] },
  decideCreditRepair: {
    allowed: [Role.REGULATOR],
    query: 'mutation { decideCreditRepair(applicationId: "999999", approve: false, reason: "x") { id } }',
    allowedCodes: ['NOT_FOUND'],
  },
};

let api: TestApi;
const keys = new Map<Caller, string>();

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  for (const role of Object.values(Role)) {
    keys.set(role, (await api.app.get(ApiKeysService).create(role, `matrix ${role}`, 'test')).secret);
  }
});
afterAll(() => api.close());

describe('role matrix', () => {
  it('covers every query and mutation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    expect(Object.keys(MATRIX).sort()).toEqual(operations);
  });

  const cases = Object.entries(MATRIX).flatMap(([op, spec]) => CALLERS.map((caller) => [op, caller, spec] as const));
  it.each(cases)('%s as %s', async (_op, caller, spec) => {
    const res = await api.gql(spec.query, undefined, keys.get(caller));
    expect(res.status).toBe(200);
    const codes = (res.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code);
    if (spec.allowed.includes(caller)) {
      expect(codes).toEqual(spec.allowedCodes ?? []);
    } else {
      expect(codes).toEqual([caller === 'PUBLIC' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      // Nothing leaks: no data at all, or only the null of a nullable root field.
      expect(Object.values(res.body.data ?? {}).every((v) => v === null)).toBe(true);
    }
  });
});
