import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { isDuplicateKey, retryingTransaction } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KeyRotationLock } from './key-rotation-lock';
import { ResidentIdCipher } from './resident-id-cipher';

export interface KeyRotationOptions {
  /** Rows per transaction (default 500): short transactions keep live writers' lock waits short. */
  chunkSize?: number;
  /** A pause between chunks, to leave a busy primary room (default 0). */
  pauseMs?: number;
  actor: string;
  onProgress?: (p: { done: number; total: number }) => void;
}

export interface KeyRotationResult {
  keyId: number;
  /** Rows re-encrypted and re-hashed by this run (a resumed run counts only its own). */
  rotated: number;
  /** Rows that were on an older key when the run started (0: nothing to do, and nothing audited). */
  pendingAtStart: number;
  /** True when an earlier run for this key started and never finished (killed, failed). */
  resumed: boolean;
}

/** Passes over the table before giving up on rows that keep appearing under an old key (a writer left on old configuration). */
const MAX_PASSES = 5;

const PENDING = 'resident_id_enc IS NOT NULL AND NOT (resident_id_key_id <=> ?)';

/**
 * Moves every stored resident ID to the current key (`keys:rotate`, issue 12): decrypt under the row's key,
 * encrypt and HMAC under the current one, record the key id, in chunks that each commit on their own. The
 * rows themselves are the checkpoint (a row is done when it names the current key), so a run killed half-way
 * resumes where it stopped. While it runs, every process must already hold the new keys as current and the old
 * ones in PII_PREVIOUS_KEYS: lookups then match either HMAC and reads decrypt either ciphertext. The feed key
 * (subjects.resident_id_feed_key) is left as it is: the commission tracks list entries by it.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: ResidentIdCipher,
  ) {}

  /** Rows not on the current key, by the key id they are on ('null' for rows that predate key ids). */
  async pending(): Promise<{ total: number; byKeyId: Record<string, number> }> {
    const rows: { keyId: number | null; n: string | number }[] = await this.dataSource.query(
      `SELECT resident_id_key_id AS keyId, COUNT(*) AS n FROM subjects WHERE ${PENDING} GROUP BY resident_id_key_id`,
      [this.cipher.keyId],
    );
    const byKeyId = Object.fromEntries(rows.map((r) => [String(r.keyId), Number(r.n)]));
    return { total: rows.reduce((sum, r) => sum + Number(r.n), 0), byKeyId };
  }

  async run(options: KeyRotationOptions): Promise<KeyRotationResult> {
    const lock = await KeyRotationLock.acquire(this.dataSource);
    try {
      return await this.rotate(options);
    } finally {
      await lock.release();
    }
  }

  private async rotate({ chunkSize = 500, pauseMs = 0, actor, onProgress }: KeyRotationOptions): Promise<KeyRotationResult> {
    const keyId = this.cipher.keyId;
    const start = await this.pending();
    const resumed = await this.unfinishedRunExists(keyId);
    if (start.total === 0) {
      // A run killed after its last chunk committed: close its audit trail.
      if (resumed) await this.record(actor, 'pii.key_rotation.finish', keyId, { rotated: 0, pendingAtStart: 0, resumed });
      return { keyId, rotated: 0, pendingAtStart: 0, resumed };
    }
    this.checkKeysHeld(start.byKeyId);
    await this.record(actor, 'pii.key_rotation.start', keyId, { fromKeyIds: Object.keys(start.byKeyId), pending: start.total, resumed });
    let rotated = 0;
    let total = start.total;
    for (let pass = 1; ; pass++) {
      for (let after = '0'; ; ) {
        const chunk = await this.rotateChunk(after, chunkSize);
        if (chunk.last === null) break;
        after = chunk.last;
        rotated += chunk.rotated;
        total = Math.max(total, rotated);
        onProgress?.({ done: rotated, total });
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      // Rows written behind the cursor under an old key mean some process still runs the old configuration.
      const left = await this.pending();
      if (left.total === 0) break;
      if (pass >= MAX_PASSES) {
        throw DomainError.conflict(`rows keep appearing under key ${Object.keys(left.byKeyId).join(', ')}: does some process still run with the old PII_KEY_ID?`, { reason: 'KEY_ROTATION_INCOMPLETE' });
      }
      this.checkKeysHeld(left.byKeyId);
      total += left.total;
    }
    await this.record(actor, 'pii.key_rotation.finish', keyId, { rotated, pendingAtStart: start.total, resumed });
    onProgress?.({ done: rotated, total: rotated });
    return { keyId, rotated, pendingAtStart: start.total, resumed };
  }

  /**
   * One chunk in one transaction: the rows are locked while they change, so a concurrent event for the same
   * person waits for the commit and then finds the subject under the new HMAC (or, before it, the old one).
   */
  private async rotateChunk(after: string, chunkSize: number): Promise<{ last: string | null; rotated: number }> {
    return retryingTransaction(this.dataSource, async (em) => {
      const rows: { id: string | number; enc: Buffer; keyId: number | null }[] = await em.query(
        `SELECT id, resident_id_enc AS enc, resident_id_key_id AS keyId FROM subjects WHERE id > ? AND ${PENDING} ORDER BY id LIMIT ? FOR UPDATE`,
        [after, this.cipher.keyId, chunkSize],
      );
      for (const r of rows) {
        const clear = this.cipher.decrypt(r.enc, r.keyId);
        try {
          await em.query('UPDATE subjects SET resident_id_enc = ?, resident_id_hmac = ?, resident_id_key_id = ? WHERE id = ?', [
            this.cipher.encrypt(clear),
            this.cipher.lookupHash(clear),
            this.cipher.keyId,
            r.id,
          ]);
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          // Another row already holds this person under the new key: a second subject for one person, made
          // by a process that looked up with the old configuration. Stop (this chunk rolls back): an operator
          // merges the two; retrying cannot help.
          throw DomainError.conflict(`subject ${r.id}: another subject already holds the same person under key ${this.cipher.keyId} (created by a process on the old configuration?); merge them, then run keys:rotate again`, {
            reason: 'KEY_ROTATION_DUPLICATE_PERSON',
            subjectId: String(r.id),
          });
        }
      }
      return { last: rows.length > 0 ? String(rows[rows.length - 1].id) : null, rotated: rows.length };
    });
  }

  /** Refuses before changing anything when rows are on a key this process was not given. */
  private checkKeysHeld(byKeyId: Record<string, number>): void {
    const missing = Object.keys(byKeyId).filter((k) => k !== 'null' && !this.cipher.keyIds.includes(Number(k)));
    if (missing.length > 0) {
      throw DomainError.badInput(`rows are encrypted under key ${missing.join(', ')}, which is not configured: add it to PII_PREVIOUS_KEYS`, {
        field: 'PII_PREVIOUS_KEYS',
        reason: 'KEY_NOT_CONFIGURED',
      });
    }
  }

  private async unfinishedRunExists(keyId: number): Promise<boolean> {
    const [last]: { action: string }[] = await this.dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'pii_key' AND target_id = ? AND action IN ('pii.key_rotation.start', 'pii.key_rotation.finish') ORDER BY seq DESC LIMIT 1`,
      [String(keyId)],
    );
    return last?.action === 'pii.key_rotation.start';
  }

  /** Counts and key ids only: the audit log never holds an ID, a hash of one, or a key. */
  private async record(actor: string, action: string, keyId: number, diff: Record<string, unknown>): Promise<void> {
    await this.dataSource.transaction((em) => this.audit.append(em, [{ actor, action, targetType: 'pii_key', targetId: String(keyId), diff }]));
  }
}
