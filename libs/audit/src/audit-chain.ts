import { canonicalJson } from '@app/common';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What a row's hash covers: everything but the hash itself. */
export interface AuditContent {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  diff: Record<string, unknown>;
}

export function auditHash(prevHash: string, c: AuditContent): string {
  // Only the content fields: a row object also carries prevHash and hash, which must not feed its own hash.
  const body = canonicalJson({
    seq: c.seq,
    at: c.at.toISOString(),
    actor: c.actor,
    action: c.action,
    targetType: c.targetType,
    targetId: c.targetId,
    diff: c.diff,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body, 'utf8').digest('hex');
}

export type ChainBreak = { seq: string; problem: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP' };

/**
 * Walks rows in seq order from a known (seq, hash) and returns the first row that does not fit the chain.
 * A deleted row shows as a seq gap; an edited row as a hash mismatch; a re-chained forgery as a prev mismatch.
 */
export function findChainBreak(
  rows: Iterable<AuditContent & { prevHash: string; hash: string }>,
  start: { seq: bigint; hash: string },
): { break: ChainBreak | null; last: { seq: bigint; hash: string } } {
  let { seq, hash } = start;
  for (const row of rows) {
    if (BigInt(row.seq) !== seq + 1n) return { break: { seq: row.seq, problem: 'SEQ_GAP' }, last: { seq, hash } };
    if (row.prevHash !== hash) return { break: { seq: row.seq, problem: 'PREV_HASH_MISMATCH' }, last: { seq, hash } };
    if (auditHash(row.prevHash, row) !== row.hash) return { break: { seq: row.seq, problem: 'HASH_MISMATCH' }, last: { seq, hash } };
    seq = BigInt(row.seq);
    hash = row.hash;
  }
  return { break: null, last: { seq, hash } };
}
