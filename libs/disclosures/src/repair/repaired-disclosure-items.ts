import { AuditService } from '@app/audit';
import { shanghaiDate } from '@app/credit';
import { CreditRepairService, ListEntry } from '@app/lists';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DisclosureChangesPublisher } from '../cache/disclosure-changes.publisher';

/** The 撤回公告 reasons a reader sees. */
export const REPAIRED_LIST_REASON = '信用修复，移出名单';
export const REPAIRED_PENALTY_REASON = '信用修复，停止公示';

interface ItemRow {
  disclosure_id: string | number;
  item_key: string;
  kind: string;
}

/**
 * Credit repair on the public site (domain.md §5–6; 发改委令第36号): in the approval's own transaction, the repaired
 * entry's item leaves every draft or published LIST_PUBLICATION, and the decision behind it (its event, and the
 * subject's decisions with the same decision number, as the penalty export does) leaves the PENALTY_NOTICE: each
 * becomes a 撤回公告 with the reason, dated today (Asia/Shanghai), audited. The API replicas are told after commit.
 * Later versions leave the decision out too (the builder skips decisions the export withdrew as REPAIRED).
 */
@Injectable()
export class RepairedDisclosureItems {
  constructor(
    repair: CreditRepairService,
    private readonly audit: AuditService,
    private readonly changes: DisclosureChangesPublisher,
  ) {
    repair.onApproved((em, entry, now) => this.withdraw(em, entry, now));
  }

  async withdraw(em: EntityManager, entry: ListEntry, now: Date): Promise<() => Promise<void>> {
    // Two index lookups (item key; event ids) rather than one OR the optimiser may turn into a scan.
    const decisions: { id: string | number }[] = await em.query(
      "SELECT id FROM events WHERE subject_id = ? AND (id = ? OR (decision_no = ? AND decision_no <> ''))",
      [entry.subjectId, entry.eventId ?? '0', entry.decisionNo?.trim() ?? ''],
    );
    const open = `FROM disclosure_items i JOIN disclosures d ON d.id = i.disclosure_id WHERE i.withdrawn_on IS NULL AND d.status IN ('DRAFT', 'PUBLISHED')`;
    const rows: ItemRow[] = await em.query(`SELECT i.disclosure_id, i.item_key, d.kind ${open} AND d.kind = 'LIST_PUBLICATION' AND i.item_key = ? ORDER BY i.disclosure_id, i.item_key FOR UPDATE`, [
      `LP-${entry.entryId ?? ''}`,
    ]);
    if (decisions.length > 0) {
      rows.push(
        ...(await em.query(`SELECT i.disclosure_id, i.item_key, d.kind ${open} AND d.kind = 'PENALTY_NOTICE' AND i.event_id IN (?) ORDER BY i.disclosure_id, i.item_key FOR UPDATE`, [
          decisions.map((e) => String(e.id)),
        ])),
      );
    }
    if (rows.length === 0) return async () => undefined;
    const today = shanghaiDate(now);
    const reasonOf = (r: ItemRow): string => (r.kind === 'LIST_PUBLICATION' ? REPAIRED_LIST_REASON : REPAIRED_PENALTY_REASON);
    for (const r of rows) {
      await em.query('UPDATE disclosure_items SET withdrawn_on = ?, withdrawal_reason = ? WHERE disclosure_id = ? AND item_key = ?', [today, reasonOf(r), r.disclosure_id, r.item_key]);
    }
    const disclosureIds = [...new Set(rows.map((r) => String(r.disclosure_id)))];
    await em.query('UPDATE disclosures SET state_rev = state_rev + 1 WHERE id IN (?)', [disclosureIds]);
    await this.audit.append(
      em,
      rows.map((r) => ({ actor: 'system:disclosures', action: 'disclosure.item.withdraw', targetType: 'disclosure', targetId: String(r.disclosure_id), diff: { item: r.item_key, reason: reasonOf(r) } })),
    );
    return () => this.changes.announce(disclosureIds);
  }
}
