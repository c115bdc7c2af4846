import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditContent, auditHash, ChainBreak, findChainBreak, GENESIS_HASH } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import { AuditHead } from './audit-head.entity';

export interface AuditRecord {
  /** Who did it: `apikey:<id>` for API callers, `cli:<os user>` for operator commands, `system:<job>` for jobs. */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  /** What changed. Never personal data in clear: pass masked values or HMACs. */
  diff: Record<string, unknown>;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  head: { seq: string; hash: string };
  firstBad: ChainBreak | null;
}

const VERIFY_CHUNK = 5000;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends records inside the caller's transaction, so the audit row commits or rolls back with the write
   * it describes. Locks the head row: concurrent writers queue here until the holder commits.
   */
  async append(em: EntityManager, records: AuditRecord[]): Promise<AuditEntry[]> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.append needs an active transaction');
    if (records.length === 0) return [];
    const head = await em.getRepository(AuditHead).findOne({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
    if (!head) throw new Error('audit_head row missing: migrations not applied');
    let seq = BigInt(head.seq);
    let prev = head.hash;
    const at = new Date();
    const rows = records.map((r) => {
      seq += 1n;
      const content: AuditContent = { seq: seq.toString(), at, ...r };
      const row = em.getRepository(AuditEntry).create({ ...content, prevHash: prev, hash: auditHash(prev, content) });
      prev = row.hash;
      return row;
    });
    await em.getRepository(AuditEntry).insert(rows as QueryDeepPartialEntity<AuditEntry>[]);
    await em.getRepository(AuditHead).update({ id: 1 }, { seq: seq.toString(), hash: prev });
    return rows;
  }

  /** Walks the whole chain in seq order (keyset chunks, constant memory) and names the first bad row. */
  async verify(onProgress?: (done: number, total: number) => void): Promise<AuditVerification> {
    const repo = this.dataSource.getRepository(AuditEntry);
    const total = await repo.count();
    let cursor = { seq: 0n, hash: GENESIS_HASH };
    let done = 0;
    for (;;) {
      const rows = await repo
        .createQueryBuilder('a')
        .where('a.seq > :after', { after: cursor.seq.toString() })
        .orderBy('a.seq', 'ASC')
        .limit(VERIFY_CHUNK)
        .getMany();
      if (rows.length === 0) break;
      const result = findChainBreak(rows, cursor);
      done += rows.length;
      onProgress?.(done, total);
      if (result.break) return { ok: false, rows: done, head: toHead(result.last), firstBad: result.break };
      cursor = result.last;
    }
    const head = await this.dataSource.getRepository(AuditHead).findOneByOrFail({ id: 1 });
    // Rows cut off the end of the chain leave the head pointing past the last row.
    if (BigInt(head.seq) !== cursor.seq || head.hash !== cursor.hash) {
      return { ok: false, rows: done, head: toHead(cursor), firstBad: { seq: head.seq, problem: 'SEQ_GAP' } };
    }
    return { ok: true, rows: done, head: toHead(cursor), firstBad: null };
  }

  /** The chain head that disclosures and list snapshots publish. */
  async head(em: EntityManager = this.dataSource.manager): Promise<{ seq: string; hash: string }> {
    const head = await em.getRepository(AuditHead).findOneByOrFail({ id: 1 });
    return { seq: head.seq, hash: head.hash };
  }
}

function toHead(h: { seq: bigint; hash: string }): { seq: string; hash: string } {
  return { seq: h.seq.toString(), hash: h.hash };
}
