import { defaultListRules, ListKind, ListRules, ListSeverity, makeCreditCode, SubjectType } from '@app/credit';
import { ListsRefreshService } from '@app/lists';
import { DesiredEntry } from '@app/lists/entries/reconcile-subject-lists';
import { subjectIdentities } from '@app/lists/entries/subject-identity';
import { SubjectsService } from '@app/registry';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { TestApi } from '../support/api-app';

/** The list rules' numbers the lifecycle needs (the defaults of domain.md §5). */
export const RULES: ListRules = defaultListRules(SubjectType.MEDICAL_INSTITUTION);

export function desired(list: ListKind, reasonCode: string, extra: Partial<DesiredEntry> = {}): DesiredEntry {
  return {
    list,
    reasonCode,
    eventId: null,
    effectiveFrom: '2026-01-01',
    plannedEnd: null,
    severity: list === ListKind.SEVERE_DISHONESTY ? ListSeverity.SEVERE : ListSeverity.GENERAL,
    legalBasis: null,
    decisionNo: null,
    authority: null,
    ...extra,
  };
}

export async function registerInstitutions(api: TestApi, n: number, prefix = '1212000042'): Promise<string[]> {
  const subjects = await api.app.get(SubjectsService).register(
    Array.from({ length: n }, (_, i) => ({
      type: 'MEDICAL_INSTITUTION',
      // One name that a spreadsheet would run as a formula: the CSV must neutralise it.
      name: i === 0 ? '=HYPERLINK("http://x","医院")' : `名单医院${i}`,
      creditCode: makeCreditCode(`${prefix}${String(i).padStart(7, '0')}`),
      agreementSignedOn: '2015-01-01',
    })),
    'test',
  );
  return subjects.map((s) => s.id);
}

/** What the rules would give one subject, applied as the list job applies it. */
export async function applyLists(api: TestApi, subjectId: string, entries: DesiredEntry[], opts: { revoked?: string[]; now?: Date } = {}): Promise<number> {
  const [subject] = await subjectIdentities(api.dataSource.manager, [subjectId]);
  return api.app.get(ListsRefreshService).apply(subject, entries, new Set(opts.revoked ?? []), opts.now ?? new Date(), RULES);
}

export interface Snapshot {
  seq: number;
  rowCount: number;
  sha256: string;
  body: string;
}

export async function snapshot(api: TestApi, key: string, list: ListKind): Promise<Snapshot> {
  const res = await request(api.app.getHttpServer()).get(`/feeds/lists/${list}/snapshot`).set('authorization', `Bearer ${key}`).buffer(true).parse(text);
  if (res.status !== 200) throw new Error(`snapshot ${res.status}: ${res.text}`);
  return { seq: Number(res.headers['x-list-seq']), rowCount: Number(res.headers['x-row-count']), sha256: res.headers['x-content-sha256'], body: res.body as string };
}

export async function changesSince(api: TestApi, key: string, list: ListKind, since: number): Promise<{ lastSeq: number; changes: { seq: number; op: string; entry: { entryId: string } }[]; raw: string[] }> {
  const res = await request(api.app.getHttpServer()).get(`/feeds/lists/${list}/changes?since=${since}`).set('authorization', `Bearer ${key}`).buffer(true).parse(text);
  if (res.status !== 200) throw new Error(`changes ${res.status}: ${res.text}`);
  const raw = (res.body as string).split('\n').filter((l) => l.length > 0);
  return { lastSeq: Number(res.headers['x-list-seq']), changes: raw.map((l) => JSON.parse(l)), raw };
}

/** A consumer's replay: snapshot lines keyed by entryId, then each change applied in order. */
export function replay(base: string, changes: { op: string; entry: { entryId: string } }[], lineOf: (entry: unknown) => string): string {
  const lines = new Map<string, string>();
  for (const line of base.split('\n').filter((l) => l.length > 0)) lines.set((JSON.parse(line) as { entryId: string }).entryId, `${line}\n`);
  for (const c of changes) {
    if (c.op === 'REMOVE') lines.delete(c.entry.entryId);
    else lines.set(c.entry.entryId, lineOf(c.entry));
  }
  return [...lines.keys()].sort().map((k) => lines.get(k)).join('');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function text(res: any, done: (err: Error | null, body: string) => void): void {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => done(null, data));
}
