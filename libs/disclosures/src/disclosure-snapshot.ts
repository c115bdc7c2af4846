import { canonicalJson } from '@app/common';
import { DisclosureContent, disclosureContent, DisclosureItem, DisclosureKind, DisclosurePeriod } from '@app/credit';
import { createHash } from 'node:crypto';

/**
 * A built item as the job keeps it: where its canonical line is, and what the header and the item rows need
 * (key, decision, region filter, publication end). The item object itself (its fields, their strings) is
 * dropped as soon as it is serialised: 100k of them kept alive until the snapshot were a third of the build's
 * time in garbage collection.
 */
export interface BuiltItem {
  key: string;
  eventId: string | null;
  regionCode: string | null;
  publicationEnd: DisclosureItem['publicationEnd'];
  /**
   * canonicalJson(item) in UTF-8 is `bytes[start, end)`: `bytes` is one of the run's LineArena chunks, shared by
   * thousands of items (no Buffer per item: 100k small ones were allocations, pool chunks and objects that every
   * garbage collection of the build walked), and held outside the JS heap.
   */
  bytes: Buffer;
  start: number;
  end: number;
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
const COMMA_BYTE = 0x2c;
const ARENA_CHUNK = 8 * 2 ** 20;

/**
 * Where one build's lines are written, one after another, each followed by a comma: lines built in key order
 * (a penalty notice's decisions read in id order nearly always are) then already form the content's item list,
 * and the snapshot copies them in a few large runs instead of one by one.
 */
export class LineArena {
  private chunk = Buffer.allocUnsafeSlow(0);
  private used = 0;

  /** Writes the line (a UTF-16 unit is at most 3 UTF-8 bytes) and its comma; where it went. */
  append(line: string): { bytes: Buffer; start: number; end: number } {
    const room = line.length * 3 + 1;
    if (this.used + room > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(ARENA_CHUNK, room));
      this.used = 0;
    }
    const start = this.used;
    const end = start + this.chunk.write(line, start, 'utf8');
    this.chunk[end] = COMMA_BYTE;
    this.used = end + 1;
    return { bytes: this.chunk, start, end };
  }
}

/** Serialises a built item once into the run's arena, keeping only where its line is and the columns the job needs. */
export function builtItem(item: DisclosureItem, arena: LineArena): BuiltItem {
  const at = arena.append(canonicalLine(item));
  return { key: item.key, eventId: item.eventId, regionCode: item.regionCode, publicationEnd: item.publicationEnd, bytes: at.bytes, start: at.start, end: at.end };
}

/** The item's canonical line (a view, no copy). */
export function lineOf(item: BuiltItem): Buffer {
  return item.bytes.subarray(item.start, item.end);
}

const COMMA = Buffer.from(',');

/**
 * The snapshot of built items: the text is `canonicalJson(content)` exactly (so hashes of versions stored before
 * stay comparable), but made from one canonical line per item spliced into the canonical header rather than by
 * re-sorting the whole tree, its lines already in UTF-8 (see BuiltItem) so the text is one copy of bytes: the same
 * bytes are hashed and stored (a 100k-item content is about 55 MiB: every extra pass over it shows in the job's time).
 * Items already in key order are not sorted again, and neighbours in the arena (with their comma between them)
 * are copied as one run.
 */
export function disclosureSnapshot(kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null, built: readonly BuiltItem[]): DisclosureSnapshot {
  // "items" sorts first among the content's keys, so the canonical header is `{"items":[]` + the rest.
  const header = canonicalJson(disclosureContent(kind, period, regionCode, []));
  if (!header.startsWith(`${ITEMS_OPEN}]`)) throw new Error('disclosure content: "items" is no longer the first canonical key');
  const items = inKeyOrder(built) ? built.slice() : [...built].sort(byKey);
  const parts: Buffer[] = [Buffer.from(ITEMS_OPEN, 'utf8')];
  for (let i = 0; i < items.length; ) {
    // A run: each next item starts right after the previous one's comma in the same chunk.
    let j = i;
    while (j + 1 < items.length && items[j + 1].bytes === items[j].bytes && items[j + 1].start === items[j].end + 1) j++;
    if (i > 0) parts.push(COMMA);
    parts.push(items[i].bytes.subarray(items[i].start, items[j].end));
    i = j + 1;
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

function byKey(a: BuiltItem, b: BuiltItem): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function inKeyOrder(items: readonly BuiltItem[]): boolean {
  for (let i = 1; i < items.length; i++) if (!(items[i - 1].key < items[i].key)) return false;
  return true;
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
