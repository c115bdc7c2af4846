import { canonicalJson } from '@app/common';
import type { NormalizedEventItem } from '@app/credit';
import * as crypto from 'node:crypto';
import { EVENT_CONTENT_FIELDS } from './event-fields';

type HashedField = (typeof EVENT_CONTENT_FIELDS)[number] | 'sourceSystem' | 'sourceRef';

/**
 * The members the stored input hash covers, in canonicalJson's order (keys sorted as Array#sort sorts
 * strings), each with its `"key":` prefix written once.
 */
const MEMBERS: readonly { key: HashedField | 'subjectId'; prefix: string }[] = [...EVENT_CONTENT_FIELDS, 'sourceSystem', 'sourceRef', 'subjectId']
  .sort()
  .map((key) => ({ key: key as HashedField | 'subjectId', prefix: `${JSON.stringify(key)}:` }));

/**
 * The stored `input_hash` of a submission: SHA-256 (hex) of the canonical JSON of its content, source key and
 * resolved subject id — `canonicalJson({ ...contentOf(item), sourceSystem, sourceRef, subjectId })`, the
 * definition existing rows were hashed with. Written out member by member in the sorted order instead of
 * copying and sorting an object per item (B1: that was a third of the batch's CPU); the same string,
 * byte for byte (input-hash.spec.ts compares the two on varied items).
 */
export function eventInputHash(item: NormalizedEventItem, subjectId: string): string {
  let json = '{';
  let first = true;
  for (const m of MEMBERS) {
    const value: unknown = m.key === 'subjectId' ? subjectId : item[m.key];
    if (value === undefined) continue; // canonicalJson drops undefined members, as JSON.stringify does
    json += (first ? '' : ',') + m.prefix + (typeof value === 'object' && value !== null ? canonicalJson(value) : JSON.stringify(value));
    first = false;
  }
  return sha256Hex(json + '}');
}

// The one-shot crypto.hash (Node 20.12+) makes no Hash object per item; engines allows older Node 20.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');
