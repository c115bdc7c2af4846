import { canonicalJson } from '@app/common';
import { DisclosureContent, disclosureContent, DisclosureItem, DisclosureKind, DisclosurePeriod } from '@app/credit';
import { createHash } from 'node:crypto';

/** A built snapshot: the content, its canonical (RFC 8785-style) text in UTF-8, stored as is, and its SHA-256. */
export interface DisclosureSnapshot {
  content: DisclosureContent;
  canonical: Buffer;
  contentHash: string;
}

const ITEMS_OPEN = '{"items":[';

/**
 * The snapshot of built items, serialised once: the text is `canonicalJson(content)` exactly (so hashes of
 * versions stored before stay comparable), but made from one canonical line per item spliced into the
 * canonical header rather than by re-sorting the whole tree, and encoded to UTF-8 once: the same bytes are
 * hashed and stored (a 100k-item content is about 55 MiB: every extra pass over it shows in the job's time).
 */
export function disclosureSnapshot(kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null, items: DisclosureItem[]): DisclosureSnapshot {
  const content = disclosureContent(kind, period, regionCode, items);
  // "items" sorts first among the content's keys, so the canonical header is `{"items":[]` + the rest.
  const header = canonicalJson({ ...content, items: [] });
  if (!header.startsWith(`${ITEMS_OPEN}]`)) throw new Error('disclosure content: "items" is no longer the first canonical key');
  const lines = new Array<string>(content.items.length);
  for (let i = 0; i < lines.length; i++) lines[i] = serialised.get(content.items[i]) ?? canonicalLine(content.items[i]);
  const canonical = Buffer.from(ITEMS_OPEN + lines.join(',') + header.slice(ITEMS_OPEN.length), 'utf8');
  return { content, canonical, contentHash: createHash('sha256').update(canonical).digest('hex') };
}

/** Lines serialised ahead of the snapshot, by item (items are never changed once built). */
const serialised = new WeakMap<DisclosureItem, string>();

/**
 * Serialises a built item ahead of its snapshot: the builder calls it while the server works on its next page
 * of reads, so the snapshot afterwards only splices, encodes and hashes.
 */
export function serialiseAhead(item: DisclosureItem): void {
  serialised.set(item, canonicalLine(item));
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
