import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { AppConfig } from '@app/config';
import {
  freeTextProblem,
  correctionNote,
  DisclosureKind,
  disclosurePublicationEnd,
  DisclosureStatus,
  parseDisclosurePeriod,
  shanghaiDate,
} from '@app/credit';
import { isDuplicateKey, retryingTransaction } from '@app/database';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DisclosureChangesPublisher } from './cache/disclosure-changes.publisher';
import { DisclosureBuilder } from './disclosure-builder';
import { Disclosure } from './disclosure.entity';
import { disclosureSnapshot } from './disclosure-snapshot';
import { DISCLOSURE_HEADER, insertSnapshot } from './snapshot-store';

export interface GenerateResult {
  disclosure: Disclosure;
  /** False when the content was unchanged and the existing version was returned. */
  created: boolean;
}

/** `disclosure:KIND:PERIOD[:REGION]`: the business key (job ids, the published key). */
export function disclosureKey(kind: DisclosureKind, period: string, regionCode: string | null): string {
  return `disclosure:${kind}:${period}${regionCode ? `:${regionCode}` : ''}`;
}

/**
 * Disclosures' lifecycle (domain.md §6): generate a draft version from stored data (a new version only when the
 * content hash changed), publish atomically (the previous published version of the same kind, period and region
 * superseded in the same transaction), withdraw a whole version, and withdraw the items resting on revoked
 * decisions (called by the rescore run). Used alike by the API (generateDisclosure) and the worker's job.
 */
@Injectable()
export class DisclosureService {
  private readonly logger = new Logger(DisclosureService.name);
  private readonly autoPublish: ReadonlySet<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly builder: DisclosureBuilder,
    private readonly audit: AuditService,
    config: AppConfig,
    @Optional() private readonly changes?: DisclosureChangesPublisher,
  ) {
    this.autoPublish = new Set(config.disclosures.autoPublish);
  }

  /** Builds (or rebuilds) one kind, period and region; publishes at once when the kind is in DISCLOSURE_AUTO_PUBLISH. */
  async generate(kind: DisclosureKind, periodLabel: string, regionCode: string | null, actor: string, now = new Date()): Promise<GenerateResult> {
    const parsed = parseDisclosurePeriod(kind, periodLabel);
    if (!parsed.ok) throw DomainError.badInput(parsed.message, { field: 'period', reason: parsed.reason });
    if (regionCode !== null && !/^\d{6}$/.test(regionCode)) throw DomainError.badInput('a region code is 6 digits', { field: 'regionCode', reason: 'INVALID_REGION' });
    const region = regionCode ?? '';
    const result = await onceMoreOnDuplicate(() => retryingTransaction(this.dataSource, async (em) => {
      // Serialise runs of one kind and period: the latest version locked (or the gap, when there is none yet).
      // Header columns only: the previous content (tens of MiB) is compared by its hash, never read.
      const latest = await em
        .getRepository(Disclosure)
        .createQueryBuilder('d')
        .select(DISCLOSURE_HEADER.map((c) => `d.${c}`))
        .setLock('pessimistic_write')
        .where('d.kind = :kind AND d.period = :period AND d.regionCode = :region', { kind, period: periodLabel, region })
        .orderBy('d.version', 'DESC')
        .getOne();
      const items = await this.builder.build(em, kind, parsed.period, regionCode);
      const snapshot = disclosureSnapshot(kind, parsed.period, regionCode, items);
      const { contentHash } = snapshot;
      if (latest && latest.contentHash === contentHash && latest.status !== DisclosureStatus.WITHDRAWN) return { disclosure: latest, created: false };
      const head = await this.audit.head(em);
      const disclosure = em.getRepository(Disclosure).create({
        kind,
        period: periodLabel,
        regionCode: region,
        version: (latest?.version ?? 0) + 1,
        status: DisclosureStatus.DRAFT,
        contentHash,
        auditHead: `${head.seq}:${head.hash}`,
        itemCount: snapshot.items.length,
        publicationEnd: disclosurePublicationEnd({ items: snapshot.items, periodEnd: parsed.period.to }),
        createdAt: now,
        createdBy: actor,
        publishedAt: null,
        publishedKey: null,
        withdrawnAt: null,
        withdrawalReason: null,
        correctionNote: null,
        stateRev: 0,
      });
      // The content object only if a caller reads it (parsed from the stored text): the job never does.
      Object.defineProperty(disclosure, 'content', { enumerable: true, configurable: true, get: () => snapshot.content });
      disclosure.id = await insertSnapshot(em, disclosure, snapshot);
      await this.audit.append(em, [
        { actor, action: 'disclosure.generate', targetType: 'disclosure', targetId: disclosure.id, diff: { key: disclosureKey(kind, periodLabel, regionCode), version: disclosure.version, contentHash, items: snapshot.items.length } },
      ]);
      return { disclosure, created: true };
    }));
    // Not only a draft made just now: a run that crashed (or lost the database) between the draft's commit and
    // the publish's left its draft behind, and the retry finds it again with the same content hash.
    if (this.autoPublish.has(kind) && result.disclosure.status === DisclosureStatus.DRAFT) {
      return { disclosure: await this.publish(result.disclosure.id, 'system:disclosures', now), created: result.created };
    }
    return result;
  }

  /**
   * In one transaction: the previous PUBLISHED version of the same kind, period and region becomes SUPERSEDED and
   * this one PUBLISHED (with a correction note naming the version it replaces). A reader's single statement sees
   * the old state or the new one, never a mix; the unique published key keeps at most one published version.
   */
  async publish(id: string, actor: string, now = new Date()): Promise<Disclosure> {
    const changed: string[] = [];
    const published = await onceMoreOnDuplicate(() => retryingTransaction(this.dataSource, async (em) => {
      changed.length = 0; // a retried transaction starts over
      const repo = em.getRepository(Disclosure);
      const header = DISCLOSURE_HEADER.map((c) => `d.${c}`);
      const target = await repo.createQueryBuilder('d').select(header).setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!target) throw DomainError.notFound('no such disclosure', { field: 'id' });
      if (target.status === DisclosureStatus.PUBLISHED) return target;
      if (target.status !== DisclosureStatus.DRAFT) throw DomainError.conflict(`a ${target.status} disclosure cannot be published; generate it again`, { field: 'id' });
      const key = disclosureKey(target.kind, target.period, target.regionCode || null);
      const previous = await repo.createQueryBuilder('d').select(header).setLock('pessimistic_write').where('d.publishedKey = :key', { key }).getOne();
      if (previous && previous.version > target.version) throw DomainError.conflict(`version ${previous.version} is already published; generate again for a newer draft`, { field: 'id' });
      if (previous) {
        await repo.update({ id: previous.id }, { status: DisclosureStatus.SUPERSEDED, publishedKey: null, stateRev: () => 'state_rev + 1' } as never);
        changed.push(String(previous.id));
      }
      const today = shanghaiDate(now);
      target.status = DisclosureStatus.PUBLISHED;
      target.publishedAt = now;
      target.publishedKey = key;
      target.correctionNote = previous ? correctionNote(previous.version, shanghaiDate(previous.publishedAt ?? now), today) : null;
      target.stateRev += 1;
      await repo.update({ id: target.id }, { status: target.status, publishedAt: now, publishedKey: key, correctionNote: target.correctionNote, stateRev: target.stateRev });
      await this.audit.append(em, [
        { actor, action: 'disclosure.publish', targetType: 'disclosure', targetId: target.id, diff: { key, version: target.version, contentHash: target.contentHash, supersedes: previous?.id ?? null } },
      ]);
      changed.push(String(target.id));
      return target;
    }));
    // After commit: the replicas' caches drop the superseded version (the new one was never public).
    await this.changes?.announce(changed);
    return published;
  }

  /** Withdraws a whole version (published or draft): it leaves the public view; the reason is recorded. */
  async withdraw(id: string, reason: string, actor: string, now = new Date()): Promise<Disclosure> {
    const why = reason.trim();
    if (why === '' || why.length > 500) throw DomainError.badInput('a reason of 1 to 500 characters is required', { field: 'reason', reason: 'MISSING_FIELD' });
    // The reason is shown on the public page beside the withdrawn version.
    const problem = freeTextProblem(why, true);
    if (problem) throw DomainError.badInput(`reason ${problem}`, { field: 'reason', reason: 'INVALID_VALUE' });
    const withdrawn = await retryingTransaction(this.dataSource, async (em) => {
      const repo = em.getRepository(Disclosure);
      const target = await repo.createQueryBuilder('d').select(DISCLOSURE_HEADER.map((c) => `d.${c}`)).setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!target) throw DomainError.notFound('no such disclosure', { field: 'id' });
      if (target.status === DisclosureStatus.WITHDRAWN) return target;
      if (target.status === DisclosureStatus.SUPERSEDED) throw DomainError.conflict('a superseded version is no longer public', { field: 'id' });
      Object.assign(target, { status: DisclosureStatus.WITHDRAWN, publishedKey: null, withdrawnAt: now, withdrawalReason: why, stateRev: target.stateRev + 1 });
      await repo.update({ id: target.id }, { status: target.status, publishedKey: null, withdrawnAt: now, withdrawalReason: why, stateRev: target.stateRev });
      await this.audit.append(em, [{ actor, action: 'disclosure.withdraw', targetType: 'disclosure', targetId: target.id, diff: { version: target.version, reason: why } }]);
      return target;
    });
    await this.changes?.announce([String(withdrawn.id)]);
    return withdrawn;
  }

  /**
   * The rescore run's hook (like the penalty export): items of draft or published versions resting on a revoked
   * decision of these subjects are withdrawn, with the revocation's reason (撤回公告). Idempotent.
   */
  async refreshSubjects(subjectIds: readonly string[], now = new Date()): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const changed: string[] = [];
    const count = await retryingTransaction(this.dataSource, async (em) => {
      changed.length = 0; // a retried transaction starts over
      return this.withdrawRevoked(em, subjectIds, now, changed);
    });
    await this.changes?.announce(changed);
    return count;
  }

  private async withdrawRevoked(em: EntityManager, subjectIds: readonly string[], now: Date, changed: string[]): Promise<number> {
    const rows: { disclosure_id: string | number; item_key: string; change_reason: string | null }[] = await em.query(
      `SELECT i.disclosure_id, i.item_key, e.change_reason FROM disclosure_items i
         JOIN events e ON e.id = i.event_id
         JOIN disclosures d ON d.id = i.disclosure_id
        WHERE e.subject_id IN (?) AND e.status = 'REVOKED' AND i.withdrawn_on IS NULL AND d.status IN ('DRAFT', 'PUBLISHED')
        ORDER BY i.disclosure_id, i.item_key FOR UPDATE`,
      [subjectIds],
    );
    // List items whose entry left the list by credit repair or revocation (the publication ends with the entry).
    const entries: { disclosure_id: string | number; item_key: string; change_reason: string | null }[] = await em.query(
      `SELECT i.disclosure_id, i.item_key, CASE le.removal_reason WHEN 'REPAIRED' THEN '信用修复，移出名单' ELSE '原决定已撤销，移出名单' END AS change_reason
         FROM list_entries le
         JOIN disclosure_items i ON i.item_key = CONCAT('LP-', le.entry_id)
         JOIN disclosures d ON d.id = i.disclosure_id
        WHERE le.subject_id IN (?) AND le.status = 'REMOVED' AND le.removal_reason IN ('REPAIRED', 'REVOKED') AND i.withdrawn_on IS NULL
          AND d.kind = 'LIST_PUBLICATION' AND d.status IN ('DRAFT', 'PUBLISHED')
        ORDER BY i.disclosure_id, i.item_key FOR UPDATE`,
      [subjectIds],
    );
    const rowKey = (r: { disclosure_id: string | number; item_key: string }): string => `${r.disclosure_id}/${r.item_key}`;
    const seen = new Set(rows.map(rowKey));
    for (const e of entries) if (!seen.has(rowKey(e))) rows.push(e);
    if (rows.length === 0) return 0;
    const today = shanghaiDate(now);
    for (const r of rows) {
      await em.query('UPDATE disclosure_items SET withdrawn_on = ?, withdrawal_reason = ? WHERE disclosure_id = ? AND item_key = ?', [
        today,
        (r.change_reason ?? '').trim().slice(0, 500) || '原决定已撤销',
        r.disclosure_id,
        r.item_key,
      ]);
    }
    const disclosureIds = [...new Set(rows.map((r) => String(r.disclosure_id)))];
    await em.query('UPDATE disclosures SET state_rev = state_rev + 1 WHERE id IN (?)', [disclosureIds]);
    changed.push(...disclosureIds);
    await this.audit.append(
      em,
      rows.map((r) => ({ actor: 'system:disclosures', action: 'disclosure.item.withdraw', targetType: 'disclosure', targetId: String(r.disclosure_id), diff: { item: r.item_key, reason: r.change_reason ?? null } })),
    );
    this.logger.log({ items: rows.length, disclosures: disclosureIds.length }, 'disclosure items withdrawn after revocations');
    return rows.length;
  }
}

/**
 * Two first runs of one kind and period (or two first publishes) can both find no row to lock (READ COMMITTED
 * takes no gap locks) and race to the unique key: the loser runs once more and then sees the winner's row.
 */
async function onceMoreOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return work();
  }
}
