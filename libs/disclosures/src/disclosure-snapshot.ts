import { canonicalJson } from '@app/common';
import { DisclosureContent, disclosureContent, DisclosureItem, DisclosureKind, DisclosurePeriod } from '@app/credit';
import { createHash } from 'node:crypto';

/**
 * A built item as the job keeps it: its canonical line and what the header and the item rows need (key, decision,
 * region filter, publication end). The item object itself (its fields, their strings) is dropped as soon as it is
 * serialised: 100k of them kept alive until the snapshot were a third of the build's time in garbage collection.
 */
export interface BuiltItem {
  key: string;
  eventId: string | null;
  regionCode: string | null;
  publicationEnd: DisclosureItem['publicationEnd'];
  /**
   * canonicalJson(item) in UTF-8, encoded while the builder waits for its next page (the snapshot then only
   * copies bytes), and held outside the JS heap: 55 MiB of strings were copied by every scavenge they lived through.
   */
  line: Buffer;
}

/** A built snapshot: its canonical (RFC 8785-style) text in UTF-8, stored as is, its SHA-256, and the items in key order. */
export interface DisclosureSnapshot {
  canonical: Buffer;
  contentHash: string;
  /** Sorted by key, as in the content. */
  items: BuiltItem[];
  /** The content as an object, parsed from `canonical` when asked (the job itself never asks). */
  readonly content: DisclosureContent;
}

const ITEMS_OPEN = '{"items":[';

/** Serialises a built item once, keeping only its line and the columns the job needs. */
export function builtItem(item: DisclosureItem): BuiltItem {
  return { key: item.key, eventId: item.eventId, regionCode: item.regionCode, publicationEnd: item.publicationEnd, line: Buffer.from(canonicalLine(item), 'utf8') };
}

const COMMA = Buffer.from(',');

/**
 * The snapshot of built items: the text is `canonicalJson(content)` exactly (so hashes of versions stored before
 * stay comparable), but made from one canonical line per item spliced into the canonical header rather than by
 * re-sorting the whole tree, its lines already in UTF-8 (see BuiltItem) so the text is one copy of bytes: the same
 * bytes are hashed and stored (a 100k-item content is about 55 MiB: every extra pass over it shows in the job's time).
 */
export function disclosureSnapshot(kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null, built: readonly BuiltItem[]): DisclosureSnapshot {
  // "items" sorts first among the content's keys, so the canonical header is `{"items":[]` + the rest.
  const header = canonicalJson(disclosureContent(kind, period, regionCode, []));
  if (!header.startsWith(`${ITEMS_OPEN}]`)) throw new Error('disclosure content: "items" is no longer the first canonical key');
  const items = [...built].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts: Buffer[] = [Buffer.from(ITEMS_OPEN, 'utf8')];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(items[i].line);
  }
  parts.push(Buffer.from(header.slice(ITEMS_OPEN.length), 'utf8'));
  const canonical = Buffer.concat(parts);
  const contentHash = createHash('sha256').update(canonical).digest('hex');
  let parsed: DisclosureContent | undefined;
  return {
    canonical,
    contentHash,
    items,
    get content() {
      return (parsed ??= JSON.parse(canonical.toString('utf8')) as DisclosureContent);
    },
  };
}

/**
 * canonicalJson of one item. The builders write items with their keys already in canonical order, and then
 * JSON.stringify alone gives the canonical form: checking that (no copy) and stringifying is about 3× cheaper
 * than sorting a copy. Anything else (keys out of order, undefined members, Dates, other objects) takes the
 * general path, so the result is canonicalJson's in every case.
 */
export function canonicalLine(item: DisclosureItem): string {
  return inCanonicalOrder(item) ? JSON.stringify(item) : canonicalJson(item);
}

function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined && typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (const v of value) if (v === undefined || !inCanonicalOrder(v)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous: string | null = null;
  for (const key in value) {
    if (previous !== null && !(previous < key)) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}
