import { canonicalJson } from '@app/common';
import { DisclosureContent, disclosureContent, DisclosureItem, DisclosureKind, DisclosurePeriod } from '@app/credit';
import { createHash } from 'node:crypto';

/** A built snapshot: the content, its canonical (RFC 8785-style) text, stored as is, and that text's SHA-256. */
export interface DisclosureSnapshot {
  content: DisclosureContent;
  text: string;
  contentHash: string;
}

const ITEMS_OPEN = '{"items":[';

/**
 * The snapshot of built items, serialised once: the text is `canonicalJson(content)` exactly (so hashes of
 * versions stored before stay comparable), but made from one canonical line per item spliced into the
 * canonical header rather than by re-sorting the whole tree, and the same string is both hashed and stored
 * (a 100k-item content is about 55 MiB: every extra pass over it shows in the job's time).
 */
export function disclosureSnapshot(kind: DisclosureKind, period: DisclosurePeriod, regionCode: string | null, items: DisclosureItem[]): DisclosureSnapshot {
  const content = disclosureContent(kind, period, regionCode, items);
  // "items" sorts first among the content's keys, so the canonical header is `{"items":[]` + the rest.
  const header = canonicalJson({ ...content, items: [] });
  if (!header.startsWith(`${ITEMS_OPEN}]`)) throw new Error('disclosure content: "items" is no longer the first canonical key');
  const lines = new Array<string>(content.items.length);
  for (let i = 0; i < lines.length; i++) lines[i] = canonicalJson(content.items[i]);
  const text = ITEMS_OPEN + lines.join(',') + header.slice(ITEMS_OPEN.length);
  return { content, text, contentHash: createHash('sha256').update(text, 'utf8').digest('hex') };
}
