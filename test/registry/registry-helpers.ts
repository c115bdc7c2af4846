import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode, makeResidentId } from '@app/credit';
import { DataSource } from 'typeorm';
import { TestApi } from '../support/api-app';

/**
 * Shared builders and small GraphQL helpers for the registry suites (subjects, events). Every builder makes a
 * valid item from a number, so a test states only what it changes.
 */

export type Item = Record<string, unknown>;

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; field?: string; index?: number; reason?: string; [k: string]: unknown };
}

export interface GqlBody<T = Record<string, any>> {
  data?: T | null;
  errors?: GqlError[];
}

// ---------------------------------------------------------------------------------------------------------
// Identifiers

/** A valid public-institution credit code (category 12, Beijing), distinct per n. */
export function orgCode(n: number): string {
  return makeCreditCode(`12110000${String(n).padStart(9, '0')}`);
}

/** A valid enterprise credit code (category 91, Shenzhen), distinct per n. */
export function shopCode(n: number): string {
  return makeCreditCode(`91440300${String(n).padStart(9, 'A').replace(/[IOZSV]/g, 'A')}`);
}

/** A valid resident ID, distinct per n (n < 50,000), born 1950–1999. */
export function residentId(n: number): string {
  const year = 1950 + (Math.floor(n / 1000) % 50);
  return makeResidentId(`110105${year}0101${String(n % 1000).padStart(3, '0')}`);
}

/** The resident-ID shape that must never appear in an answer to a non-REGULATOR (domain.md §7). */
export const RESIDENT_ID_SHAPE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;

// ---------------------------------------------------------------------------------------------------------
// registerSubjects items

export const hospital = (n: number, extra: Item = {}): Item => ({
  type: 'MEDICAL_INSTITUTION',
  name: `第${n}人民医院`,
  creditCode: orgCode(n),
  regionCode: '110101',
  agreementSignedOn: '2020-06-01',
  ...extra,
});

export const pharmacy = (n: number, extra: Item = {}): Item => ({
  type: 'PHARMACY',
  name: `第${n}大药房`,
  creditCode: shopCode(n),
  regionCode: '440305',
  ...extra,
});

export const practitioner = (n: number, extra: Item = {}): Item => ({
  type: 'PRACTITIONER',
  name: `张${n}`,
  residentId: residentId(n),
  profession: 'PHYSICIAN',
  regionCode: '110105',
  ...extra,
});

export const insured = (n: number, extra: Item = {}): Item => ({
  type: 'INSURED_PERSON',
  name: `李${n}`,
  residentId: residentId(20_000 + n),
  regionCode: '110105',
  ...extra,
});

// ---------------------------------------------------------------------------------------------------------
// recordEvents items

export const SOURCE = 'TEST-CASES';

/** A valid INTERVIEW on an institution or pharmacy; name the subject in `extra` (creditCode or subjectId). */
export const orgEvent = (ref: string, extra: Item = {}): Item => ({
  sourceSystem: SOURCE,
  sourceRef: ref,
  type: 'INTERVIEW',
  legalBasis: '条例第38条',
  decisionNo: `津医保约〔2025〕${ref}号`,
  authority: '天津市医疗保障局',
  regionCode: '120101',
  occurredOn: '2025-01-10',
  decidedOn: '2025-02-01',
  inspectionKind: 'ROUTINE',
  ...extra,
});

/** A valid practitioner event (responsibility is required for practitioners). */
export const practitionerEvent = (ref: string, extra: Item = {}): Item => orgEvent(ref, { type: 'PAYMENT_DENIED', responsibility: 'GENERAL', ...extra });

/** A valid INSURED_VIOLATION (it needs amountInvolvedFen: the amount decides the settlement suspension). */
export const insuredEvent = (ref: string, extra: Item = {}): Item =>
  orgEvent(ref, { type: 'INSURED_VIOLATION', amountInvolvedFen: 500_000, inspectionKind: null, ...extra });

// ---------------------------------------------------------------------------------------------------------
// GraphQL

export const REGISTER = `mutation Register($in: [RegisterSubjectInput!]!) {
  registerSubjects(input: $in) { id type name creditCode maskedResidentId regionCode profession agreementSignedOn }
}`;

export const RECORD = `mutation Record($in: [RecordEventInput!]!) {
  recordEvents(input: $in) { created duplicates events { id sourceRef } }
}`;

export const EVENT_FIELDS = `id subjectId sourceSystem sourceRef version type status legalBasis decisionNo authority regionCode
  occurredOn decidedOn amountInvolvedFen fineFen fineMultiple suspensionDays responsibility selfReported inspectionKind
  assessmentResult changeReason recordedAt`;

export async function createKey(api: TestApi, role: Role): Promise<string> {
  return (await api.app.get(ApiKeysService).create(role, `registry ${role}`, 'test')).secret;
}

/**
 * Runs an operation and returns its body. Executed operations answer 200; variables that do not coerce are
 * refused before execution with 400 (Apollo), still with a GraphQL error body (as are cost-limit refusals).
 */
export async function call<T = Record<string, any>>(api: TestApi, query: string, variables: Item | undefined, key: string): Promise<GqlBody<T>> {
  const res = await api.gql(query, variables, key);
  if (res.status !== 200 && !Array.isArray(res.body?.errors)) throw new Error(`HTTP ${res.status}: ${res.text}`);
  return res.body as GqlBody<T>;
}

/** Runs an operation that must succeed and returns its data. */
export async function ok<T = Record<string, any>>(api: TestApi, query: string, variables: Item | undefined, key: string): Promise<T> {
  const body = await call<T>(api, query, variables, key);
  if (body.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Runs an operation that must fail with exactly one error, and returns that error. */
export async function fails(api: TestApi, query: string, variables: Item | undefined, key: string): Promise<GqlError> {
  const body = await call(api, query, variables, key);
  if (!body.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(body.data)}`);
  expect(body.errors).toHaveLength(1);
  return body.errors[0];
}

export interface RegisteredSubject {
  id: string;
  type: string;
  name: string | null;
  creditCode: string | null;
  maskedResidentId: string | null;
  regionCode: string | null;
  profession: string | null;
  agreementSignedOn: string | null;
}

export async function register(api: TestApi, key: string, items: Item[]): Promise<RegisteredSubject[]> {
  return (await ok<{ registerSubjects: RegisteredSubject[] }>(api, REGISTER, { in: items }, key)).registerSubjects;
}

export interface RecordResult {
  created: number;
  duplicates: number;
  events: { id: string; sourceRef: string }[];
}

export async function record(api: TestApi, key: string, items: Item[]): Promise<RecordResult> {
  return (await ok<{ recordEvents: RecordResult }>(api, RECORD, { in: items }, key)).recordEvents;
}

// ---------------------------------------------------------------------------------------------------------
// Database

export async function count(ds: DataSource, table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`, params);
  return Number(row.n);
}

/** Row counts of every table a registry write touches: a refused call must leave all of them as they were. */
export async function footprint(ds: DataSource): Promise<Record<string, number>> {
  const tables = ['subjects', 'employments', 'events', 'event_history', 'outbox', 'audit_log'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await count(ds, t);
  return out;
}

/** Today in Asia/Shanghai, and a day after it: the validators' notion of "the future". */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function tomorrow(): string {
  const t = new Date(`${shanghaiToday()}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
