import { csvLine, decodeCursor, encodeCursor, Page, pageSize, toPage, UTF8_BOM } from '@app/common';
import { AppConfig } from '@app/config';
import { DISCLOSURE_TITLES, DisclosureKind, DisclosureStatus, ItemWithdrawal, PublicItem, publicItems, shanghaiDate } from '@app/credit';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PublicViewCache, ReadyView } from './cache/public-view-cache';
import { Disclosure } from './disclosure.entity';

/** A disclosure's header: what a list shows (no content). Dates ISO. */
export interface DisclosureSummary {
  id: string;
  kind: DisclosureKind;
  title: string;
  period: string;
  regionCode: string | null;
  status: DisclosureStatus;
  version: number;
  contentHash: string;
  auditHead: string;
  itemCount: number;
  publishedAt: string | null;
  publicationEnd: string;
  correctionNote: string | null;
  withdrawalReason: string | null;
}

/** The public JSON of one disclosure: the header and its items as a reader sees them today. */
export interface DisclosureView extends DisclosureSummary {
  periodStart: string;
  periodEnd: string;
  items: PublicItem[];
}

/** A built view with its serialised body and strong ETag (SHA-256 of the body), as cached. */
export interface RenderedView {
  view: DisclosureView;
  body: string;
  etag: string;
}

export interface DisclosureFilter {
  kind?: DisclosureKind | null;
  regionCode?: string | null;
  period?: string | null;
  first?: number | null;
  after?: string | null;
  /** Regulators and auditors: every status; otherwise PUBLISHED and unexpired only. */
  all?: boolean;
}

const SUMMARY_COLUMNS = ['id', 'kind', 'period', 'regionCode', 'status', 'version', 'contentHash', 'auditHead', 'itemCount', 'publishedAt', 'publicationEnd', 'correctionNote', 'withdrawalReason', 'stateRev', 'createdAt'] as const;

/** A small LRU: a Map keeps insertion order, so the first key is the least recently used. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    if (this.max === 0) return;
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  deleteWhere(prefix: string): void {
    for (const k of [...this.map.keys()]) if (k.startsWith(prefix)) this.map.delete(k);
  }
  countWhere(prefix: string): number {
    let n = 0;
    for (const k of this.map.keys()) if (k.startsWith(prefix)) n++;
    return n;
  }
}

/**
 * The one place the public JSON of disclosures is built (GraphQL, REST, CSV, Atom and the HTML page use it).
 * Reads: a PUBLISHED, unexpired version (regulators: any), with expired items left out and withdrawn items
 * replaced by their 撤回公告. Hot views come from an in-process LRU keyed by `id:stateRev:today`: each request
 * reads the row's small stamp (primary-key lookup, no content), so a publish, supersede or withdrawal made
 * through any API replica changes the key everywhere at once, and the date in the key lets expiry act at
 * midnight. In front of it, for the public, the replica's PublicViewCache answers with no database read at all
 * while its subscription to the change announcements is up (see there); without Redis it is skipped.
 */
@Injectable()
export class DisclosureReader {
  private readonly cache: Lru<RenderedView>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    @Optional() private readonly views?: PublicViewCache,
  ) {
    this.cache = new Lru(config.disclosures.cacheEntries);
  }

  /** How many views of this disclosure the stamp-keyed cache holds (at most one: see read). */
  cachedViewsOf(id: string): number {
    return this.cache.countWhere(`${id}:`);
  }

  /** Drops a disclosure's cached views (a local courtesy: the stamp in the key already keeps replicas right). */
  invalidate(id: string): void {
    this.cache.deleteWhere(`${id}:`);
  }

  /** The rendered view of one disclosure, or null when the caller may not see it (unknown, not public, expired). */
  async one(id: string, options: { all?: boolean } = {}, now = new Date()): Promise<RenderedView | null> {
    if (!/^\d{1,19}$/.test(id)) return null;
    const ms = now.getTime();
    if (!options.all) {
      const ready = this.views?.get(id, ms);
      if (ready) return ready.rendered;
    }
    const seenAt = this.views?.mark() ?? 0;
    const rendered = await this.read(id, options, now);
    if (rendered && !options.all) await this.views?.put(id, rendered, seenAt, ms);
    return rendered;
  }

  /** The public view ready to send, when this replica's cache holds it (no database read); else undefined. */
  ready(id: string, now = Date.now()): ReadyView | undefined {
    return this.views?.get(id, now);
  }

  /** The stamp path: the row's stamp read on every call, the view from the LRU keyed by it, else built. */
  private async read(id: string, options: { all?: boolean }, now: Date): Promise<RenderedView | null> {
    const today = shanghaiDate(now);
    const stamp = await this.dataSource.getRepository(Disclosure).findOne({ where: { id }, select: ['id', 'status', 'stateRev', 'publicationEnd'] });
    if (!stamp || (!options.all && !isPublic(stamp, today))) return null;
    const key = `${id}:${stamp.stateRev}:${today}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.dataSource.getRepository(Disclosure).findOne({ where: { id } });
    if (!row || (!options.all && !isPublic(row, today))) return null;
    const rendered = await this.render(row, today);
    // A new stamp (or day) makes the disclosure's older views stale for good: drop them, or a disclosure whose items
    // are withdrawn one by one keeps a view per withdrawal (megabytes each for a large notice) until the count bound.
    this.cache.deleteWhere(`${id}:`);
    this.cache.set(`${id}:${row.stateRev}:${today}`, rendered);
    return rendered;
  }

  /** Keyset-paged, newest first (published, else created, then id). */
  async page(filter: DisclosureFilter, now = new Date()): Promise<Page<DisclosureSummary>> {
    const size = pageSize(filter.first, 20, 100);
    const today = shanghaiDate(now);
    const qb = this.dataSource
      .getRepository(Disclosure)
      .createQueryBuilder('d')
      .select(SUMMARY_COLUMNS.map((c) => `d.${c}`));
    if (!filter.all) qb.where('d.status = :published AND d.publicationEnd >= :today', { published: DisclosureStatus.PUBLISHED, today });
    else qb.where('1 = 1');
    if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.regionCode !== undefined && filter.regionCode !== null) qb.andWhere('d.regionCode = :region', { region: filter.regionCode === 'ALL' ? '' : filter.regionCode });
    if (filter.period) qb.andWhere('d.period = :period', { period: filter.period });
    // Sort key: the publication moment (drafts: creation) in ms, then the id.
    const sortExpr = 'COALESCE(d.published_at, d.created_at)';
    if (filter.after) {
      const [ms, id] = decodeCursor(filter.after, 2);
      const at = new Date(Number(ms));
      qb.andWhere(`(${sortExpr} < :at OR (${sortExpr} = :at AND d.id < :id))`, { at, id: String(id) });
    }
    const rows = await qb.orderBy(sortExpr, 'DESC').addOrderBy('d.id', 'DESC').limit(size + 1).getMany();
    const page = toPage(rows, size, (r) => [(r.publishedAt ?? r.createdAt).getTime(), Number(r.id)]);
    return { ...page, nodes: page.nodes.map(summaryOf) };
  }

  /** The newest published disclosures (for the Atom feed), unexpired. */
  async latestPublished(limit: number, now = new Date()): Promise<DisclosureSummary[]> {
    return (await this.page({ first: limit }, now)).nodes;
  }

  private async render(row: Disclosure, today: string): Promise<RenderedView> {
    const withdrawn: { item_key: string; withdrawn_on: string; withdrawal_reason: string | null }[] = await this.dataSource.query(
      'SELECT item_key, withdrawn_on, withdrawal_reason FROM disclosure_items WHERE disclosure_id = ? AND withdrawn_on IS NOT NULL',
      [row.id],
    );
    const withdrawals = new Map<string, ItemWithdrawal>(withdrawn.map((w) => [w.item_key, { withdrawnOn: w.withdrawn_on, reason: w.withdrawal_reason ?? '' }]));
    const view: DisclosureView = {
      ...summaryOf(row),
      periodStart: row.content.periodStart,
      periodEnd: row.content.periodEnd,
      items: publicItems(row.content, withdrawals, today),
    };
    const body = JSON.stringify(view);
    return { view, body, etag: `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"` };
  }
}

function isPublic(d: Pick<Disclosure, 'status' | 'publicationEnd'>, today: string): boolean {
  return d.status === DisclosureStatus.PUBLISHED && d.publicationEnd >= today;
}

export function summaryOf(d: Disclosure): DisclosureSummary {
  return {
    id: String(d.id),
    kind: d.kind,
    title: DISCLOSURE_TITLES[d.kind],
    period: d.period,
    regionCode: d.regionCode || null,
    status: d.status,
    version: d.version,
    contentHash: d.contentHash,
    auditHead: d.auditHead,
    itemCount: d.itemCount,
    publishedAt: d.publishedAt ? d.publishedAt.toISOString() : null,
    publicationEnd: d.publicationEnd,
    correctionNote: d.correctionNote,
    withdrawalReason: d.withdrawalReason,
  };
}

/** Open-data CSV of a view's items: BOM, header row, formula-safe cells; a withdrawn item is its notice. */
export function itemsCsv(view: DisclosureView): string {
  const fieldNames: string[] = [];
  for (const item of view.items) if (!item.withdrawn) for (const f of Object.keys(item.fields)) if (!fieldNames.includes(f)) fieldNames.push(f);
  const header = ['条目编号', '地区', '公示截止日期', ...fieldNames, '撤回公告'];
  const lines = [UTF8_BOM + csvLine(header)];
  for (const item of view.items) {
    if (item.withdrawn) {
      lines.push(csvLine([item.key, '', '', ...fieldNames.map(() => ''), item.text]));
      continue;
    }
    lines.push(csvLine([item.key, item.regionCode ?? '', item.publicationEnd, ...fieldNames.map((f) => cellText(item.fields[f])), '']));
  }
  return lines.join('');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x).join(':') : String(x))).join('；');
  return String(v);
}

export { encodeCursor };
