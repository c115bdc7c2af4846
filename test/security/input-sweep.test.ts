import { ApiKeysService, Role } from '@app/auth';
import { makeCreditCode, makeResidentId } from '@app/credit';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import request from 'supertest';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';
import { allowEchoOf } from '../support/response-scan';

/**
 * The injection and bad-input sweep (issue 12 item 6). Every string position of the GraphQL schema — each
 * String, ID, Date, DateTime or JSON argument of every query and mutation, and each such field of their input
 * types, found by walking the schema so that a new input is swept without touching this file — gets SQL
 * metacharacters, control characters, overlong and mixed-width Unicode, and ID-shaped text. Each must be stored
 * literally (after trimming) or refused with a machine-readable reason; never an INTERNAL error, never echoed
 * in an error, and no resident ID or phone number may come out of a public output afterwards.
 */

type Args = Record<string, unknown>;
type Path = (string | number)[];

interface Position {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  path: Path;
  scalar: string;
}

interface Payload {
  label: string;
  value: string;
  /** Personal data: must never be echoed anywhere, nor reach a public output. */
  personal?: boolean;
}

const STRING_SCALARS = new Set(['String', 'ID', 'Date', 'DateTime', 'JSON']);

const SAMPLE_ID = makeResidentId('11010519491231002'); // the GB 11643 sample, not a real person
const FULL_WIDTH_ID = SAMPLE_ID.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const PAYLOADS: Payload[] = [
  { label: 'SQL quote', value: `x' OR '1'='1` },
  { label: 'SQL statement', value: `x'; DROP TABLE subjects; --` },
  { label: 'SQL union', value: `1) UNION SELECT resident_id_hmac FROM subjects #` },
  { label: 'escapes and wildcards', value: `\\'"%_\`;` },
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'C0 controls', value: 'a\u0007b\u001bc' },
  { label: 'newline', value: 'line1\nline2' },
  { label: 'C1 control', value: 'a\u0085b' },
  { label: 'lone surrogate', value: 'a\ud800b' },
  { label: 'overlong ASCII', value: 'x'.repeat(10_000) },
  { label: 'overlong Han', value: '汉'.repeat(300) },
  { label: 'astral characters', value: '😀'.repeat(65) },
  { label: 'combining marks', value: 'Z\u0337\u0322a\u0338l\u0336g\u0335o\u0334' },
  { label: 'RTL override', value: '医院\u202e号3〔2025〕罚' },
  { label: 'RTL mark', value: '\u200f天津市医疗保障局' },
  { label: 'markup', value: '<script>alert(1)</script>' },
  { label: 'CSV formula', value: '=HYPERLINK("http://x")' },
  { label: 'blank', value: '   ' },
  { label: 'resident ID', value: SAMPLE_ID, personal: true },
  { label: 'resident ID in words', value: `当事人身份证${SAMPLE_ID}号`, personal: true },
  { label: 'full-width resident ID', value: FULL_WIDTH_ID, personal: true },
  { label: 'resident ID with a zero-width space', value: `${SAMPLE_ID.slice(0, 6)}\u200b${SAMPLE_ID.slice(6)}`, personal: true },
  { label: 'mobile number', value: '13812345678', personal: true },
  { label: 'mobile number in words', value: '联系电话+8613812345678', personal: true },
];
// Stored literally and shown back on purpose: the response scan must judge only what the service adds.
allowEchoOf(PAYLOADS.map((p) => p.value));

const RESIDENT_ID_SHAPE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const MOBILE_SHAPE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;
/** Width variants folded, format characters and marks dropped: how a reader would still see an ID. */
const folded = (text: string): string => text.normalize('NFKC').replace(/[\p{Cf}\p{M}]/gu, '');
const leaksPersonalData = (text: string): boolean => RESIDENT_ID_SHAPE.test(folded(text)) || MOBILE_SHAPE.test(folded(text));

// ---------------------------------------------------------------------------------------------------------
// Walking the schema

function stringPositionsOf(type: GraphQLInputType, path: Path, seen: Set<string>): { path: Path; scalar: string }[] {
  if (isNonNullType(type)) return stringPositionsOf(type.ofType, path, seen);
  if (isListType(type)) return stringPositionsOf(type.ofType, [...path, 0], seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return []; // a recursive input type: its fields are swept at the first level
    const inner = new Set([...seen, type.name]);
    return Object.values(type.getFields()).flatMap((f) => stringPositionsOf(f.type, [...path, f.name], inner));
  }
  if (isScalarType(type) && STRING_SCALARS.has(type.name)) return [{ path, scalar: type.name }];
  return [];
}

function positionsOf(schema: GraphQLSchema): Position[] {
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((arg) => stringPositionsOf(arg.type, [arg.name], new Set()).map((p) => ({ kind, field, ...p }))),
    ),
  );
}

/** String arguments of fields below the roots (e.g. `Subject.events(filter: String)`): reached through no root argument. */
function nestedStringArgs(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  return Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name))
    .flatMap((t) => Object.values(t.getFields()).flatMap((f) => f.args.filter((a) => stringPositionsOf(a.type, [a.name], new Set()).length > 0).map((a) => `${t.name}.${f.name}(${a.name})`)));
}

// ---------------------------------------------------------------------------------------------------------
// Valid arguments to put one hostile value into

let counter = 0;
const fresh = (): number => ++counter;
const HOSPITAL = makeCreditCode('12120000401234567');
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const thisMonth = (): string => today().slice(0, 7);
const FIRST_OF_MONTH = (): string => `${thisMonth()}-01`;

const GENERIC_STRINGS: Record<string, () => string> = {
  name: () => '天津市第一测试医院',
  regionCode: () => '120101',
  creditCode: () => HOSPITAL,
  period: () => thisMonth(),
  url: () => 'https://hooks.example.org/yibao',
  reason: () => '复议撤销',
  summary: () => '当事人提出异议',
};

/** A value of the type that passes coercion: what an operation not named in BASE gets for its required inputs. */
function genericValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return genericValue(type.ofType, name);
  if (isListType(type)) return [genericValue(type.ofType, name)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, genericValue(f.type, f.name)]));
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (getNamedType(type).name) {
    case 'ID':
      return '999999';
    case 'Int':
    case 'Float':
    case 'SafeInt':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return FIRST_OF_MONTH();
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
      return {};
    default:
      return GENERIC_STRINGS[name]?.() ?? '测试';
  }
}

function genericArgs(field: GraphQLField<unknown, unknown>): Args {
  return Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, genericValue(a.type, a.name)]));
}

const penaltyEvent = (): Args => ({
  sourceSystem: 'SWEEP',
  sourceRef: `sweep-${fresh()}`,
  creditCode: HOSPITAL,
  type: 'PENALTY_ART38',
  legalBasis: '条例第38条',
  decisionNo: `津医保罚〔2026〕${fresh()}号`,
  authority: '天津市医疗保障局',
  regionCode: '120101',
  occurredOn: '2026-01-05',
  decidedOn: FIRST_OF_MONTH(),
  amountInvolvedFen: 100_000,
  fineFen: 100_000,
  fineMultiple: 1,
});

/**
 * Operations whose generic arguments would be refused before the swept value is looked at (an unknown subject,
 * a natural key already registered): arguments that succeed, fresh per call, chosen by the leaf being swept.
 */
const BASE: Record<string, (leaf: string | number, ctx: Fixtures) => Args> = {
  registerSubjects: (leaf) => {
    const n = fresh();
    if (['residentId', 'institutionCreditCode', 'employedFrom'].includes(String(leaf))) {
      return { input: [{ type: 'PRACTITIONER', name: '张三', residentId: makeResidentId(`120103198${String(n).padStart(8, '0')}`), profession: 'PHYSICIAN', regionCode: '120101', institutionCreditCode: HOSPITAL, employedFrom: '2024-01-01' }] };
    }
    return { input: [{ type: 'MEDICAL_INSTITUTION', name: `测试医院${n}`, creditCode: makeCreditCode(`1212000050${String(n).padStart(7, '0')}`), regionCode: '120101', agreementSignedOn: '2019-01-01', category: '综合医院' }] };
  },
  recordEvents: (leaf) => {
    const item = penaltyEvent();
    if (leaf === 'residentId') Object.assign(item, { creditCode: undefined, type: 'INSURED_VIOLATION', fineFen: undefined, fineMultiple: undefined, amountInvolvedFen: 500_000 });
    if (leaf === 'subjectId') item.creditCode = undefined;
    return { input: [item] };
  },
  amendEvent: (_, ctx) => ({ id: ctx.nextEvent(), input: { authority: '天津市医疗保障局（更正）' }, reason: '更正文书' }),
  revokeEvent: (_, ctx) => ({ id: ctx.nextEvent(), reason: '复议撤销' }),
  withdrawDisclosure: (_, ctx) => ({ id: ctx.nextDisclosure(), reason: '数据更正' }),
  ratings: () => ({ creditCodes: [HOSPITAL] }),
  generateDisclosure: () => ({ kind: 'PENALTY_NOTICE', period: thisMonth() }),
};

interface Fixtures {
  nextEvent(): string;
  nextDisclosure(): string;
}

/** Sets the value at `path`, creating the optional argument or input field on the way. */
function withValue(args: Args, path: Path, value: unknown): Args {
  const out = structuredClone(args) as Args;
  let at: any = out;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (at[key] === undefined || at[key] === null) at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key];
  }
  at[path[path.length - 1]] = value;
  return out;
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Args): string {
  const used = field.args.filter((a) => args[a.name] !== undefined);
  const vars = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} Sweep${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

// ---------------------------------------------------------------------------------------------------------

let api: TestApi;
const keys = new Map<Role | 'PUBLIC', string | undefined>();
let events: string[] = [];
let disclosures: string[] = [];
let stringColumns: { table: string; columns: string[] }[] = [];

async function gql(query: string, variables: Args, key: string | undefined): Promise<request.Response> {
  const req = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (key) req.set('authorization', `Bearer ${key}`);
  return req.send({ query, variables });
}

/** Rows in any text column that hold exactly this value: where an accepted input went. */
async function storedLiterally(value: string): Promise<boolean> {
  for (const { table, columns } of stringColumns) {
    const [row] = await api.dataSource.query(`SELECT 1 AS hit FROM \`${table}\` WHERE ${columns.map((c) => `BINARY \`${c}\` = BINARY ?`).join(' OR ')} LIMIT 1`, columns.map(() => value));
    if (row) return true;
  }
  return false;
}

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  const keyService = api.app.get(ApiKeysService);
  for (const role of [Role.REGULATOR, Role.AUDITOR, Role.BUDGET, Role.NDRC]) keys.set(role, (await keyService.create(role, `sweep ${role}`, 'test')).secret);
  keys.set('PUBLIC', undefined);
  const regulator = keys.get(Role.REGULATOR);
  const registered = await gql(
    'mutation ($in: [RegisterSubjectInput!]!) { registerSubjects(input: $in) { id } }',
    { in: [{ type: 'MEDICAL_INSTITUTION', name: '天津市第一测试医院', creditCode: HOSPITAL, regionCode: '120101', agreementSignedOn: '2019-01-01' }] },
    regulator,
  );
  expect(registered.body.errors).toBeUndefined();
  // Events to amend and revoke, one per swept value (a revocation is final).
  const recorded = await gql(
    'mutation ($in: [RecordEventInput!]!) { recordEvents(input: $in) { events { id } } }',
    { in: Array.from({ length: 3 * PAYLOADS.length * 10 }, () => penaltyEvent()) },
    regulator,
  );
  expect(recorded.body.errors).toBeUndefined();
  events = recorded.body.data.recordEvents.events.map((e: { id: string }) => e.id);
  // Drafts to withdraw, one per swept value (months without events: empty drafts).
  for (let i = 0; i < PAYLOADS.length + 2; i++) {
    const period = `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const res = await gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { id } }', { p: period }, regulator);
    expect(res.body.errors).toBeUndefined();
    disclosures.push(res.body.data.generateDisclosure.id);
  }
  const cols: { t: string; c: string }[] = await api.dataSource.query(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext')`,
  );
  const byTable = new Map<string, string[]>();
  for (const { t, c } of cols) byTable.set(t, [...(byTable.get(t) ?? []), c]);
  stringColumns = [...byTable].map(([table, columns]) => ({ table, columns }));
}, 120_000);
afterAll(() => api?.close());

it('finds the string inputs by walking the schema, and no string argument below the roots is left unswept', () => {
  const schema = api.app.get(GraphQLSchemaHost).schema;
  const positions = positionsOf(schema);
  const names = positions.map((p) => `${p.field.name}.${p.path.join('.')}`);
  // A few that must be among them (the walk reaches into lists of input objects).
  expect(names).toEqual(expect.arrayContaining(['recordEvents.input.0.decisionNo', 'registerSubjects.input.0.name', 'amendEvent.input.legalBasis', 'revokeEvent.reason', 'subject.creditCode']));
  expect(positions.length).toBeGreaterThan(40);
  expect(nestedStringArgs(schema)).toEqual([]);
});

it('stores every hostile value literally or refuses it with a reason; never INTERNAL, never echoed', async () => {
  const schema = api.app.get(GraphQLSchemaHost).schema;
  const positions = positionsOf(schema);
  let nextEvent = 0;
  let nextDisclosure = 0;
  const fixtures: Fixtures = { nextEvent: () => events[nextEvent++ % events.length], nextDisclosure: () => disclosures[nextDisclosure++ % disclosures.length] };
  const findings: string[] = [];
  const outcomes = { stored: 0, accepted: 0, refused: 0 };
  const callerOf = new Map<string, string | undefined>();

  for (const position of positions) {
    const name = position.field.name;
    const leaf = position.path[position.path.length - 1];
    const base = (): Args => (BASE[name] ? BASE[name](leaf, fixtures) : genericArgs(position.field));
    if (!callerOf.has(name)) {
      // The first role the operation lets in (the public caller last): refusals for the role are not the subject here.
      for (const [role, key] of keys) {
        const res = await gql(operationText(position.kind, position.field, base()), base(), key);
        const codes = (res.body.errors ?? []).map((e: any) => e.extensions?.code);
        if (!codes.includes('FORBIDDEN') && !codes.includes('UNAUTHENTICATED')) {
          callerOf.set(name, key);
          break;
        }
        void role;
      }
      if (!callerOf.has(name)) findings.push(`${name}: no role may call it`);
    }
    for (const payload of PAYLOADS) {
      const where = `${name}(${position.path.join('.')}) ← ${payload.label}`;
      const args = withValue(base(), position.path, payload.value);
      const res = await gql(operationText(position.kind, position.field, args), args, callerOf.get(name));
      const errors: any[] = res.body?.errors ?? [];
      if (res.status >= 500) findings.push(`${where}: HTTP ${res.status}`);
      for (const e of errors) {
        const code = e.extensions?.code;
        if (!code || code === 'INTERNAL' || code === 'INTERNAL_SERVER_ERROR') findings.push(`${where}: ${code ?? 'no code'} (${String(e.message).slice(0, 120)})`);
        if (code === 'BAD_USER_INPUT' && !e.extensions?.reason) findings.push(`${where}: BAD_USER_INPUT without a reason (${String(e.message).slice(0, 120)})`);
      }
      const errorText = JSON.stringify(errors);
      if (payload.personal && leaksPersonalData(errorText)) findings.push(`${where}: personal data echoed in the error`);
      else if (payload.value.trim().length >= 6 && errorText.includes(JSON.stringify(payload.value.trim()).slice(1, -1))) findings.push(`${where}: value echoed in the error`);
      if (errors.length > 0) {
        outcomes.refused++;
        continue;
      }
      outcomes.accepted++;
      // Accepted by a mutation: the text must be stored as given (trimmed), not altered on the way; a resident
      // ID is the exception, stored only encrypted and keyed (its clear value must be nowhere).
      if (leaf === 'residentId') {
        if (await storedLiterally(payload.value.trim())) findings.push(`${where}: a resident ID stored in clear`);
      } else if (position.kind === 'mutation' && position.scalar !== 'JSON') {
        if (await storedLiterally(payload.value.trim())) outcomes.stored++;
        else findings.push(`${where}: accepted but not stored literally`);
      }
    }
  }
  // eslint-disable-next-line no-console
  if (findings.length > 0) console.log(findings.join('\n'));
  expect(findings).toEqual([]);
  expect(outcomes.refused).toBeGreaterThan(0);
  expect(outcomes.stored).toBeGreaterThan(0);
}, 600_000);

it('lets no resident ID or phone number into a public output built from the swept data', async () => {
  const regulator = keys.get(Role.REGULATOR);
  const generated = await gql('mutation ($p: String!) { generateDisclosure(kind: PENALTY_NOTICE, period: $p) { id } }', { p: thisMonth() }, regulator);
  expect(generated.body.errors).toBeUndefined();
  const id = generated.body.data.generateDisclosure.id;
  const published = await gql('mutation ($id: ID!) { publishDisclosure(id: $id) { status content } }', { id }, regulator);
  expect(published.body.errors).toBeUndefined();
  // The swept texts that were accepted are in it (the sweep's events were decided this month).
  expect(JSON.stringify(published.body.data.publishDisclosure.content)).toContain('DROP TABLE subjects');
  const server = api.app.getHttpServer();
  for (const path of ['/public/disclosures', `/public/disclosures/${id}`, '/public/feed.atom', '/public', `/public/d/${id}`]) {
    const res = await request(server).get(path);
    expect(res.status).toBe(200);
    const leak = [RESIDENT_ID_SHAPE, MOBILE_SHAPE].map((p) => p.exec(folded(res.text))?.[0]).find((m) => m !== undefined);
    expect({ path, leak }).toEqual({ path, leak: undefined });
  }
});
