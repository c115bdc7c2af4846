import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import {
  EventStatus,
  EventType,
  ExportCaseContext,
  ExportEvent,
  ExportSettings,
  ExportSubject,
  ExportWithdrawalReason,
  penaltyExportRecord,
  PenaltyExportRecord,
  publicationEnded,
  sameRecord,
  shanghaiDate,
  SubjectType,
  validateResidentId,
  withdrawnRecord,
} from '@app/credit';
import { retryingTransaction } from '@app/database';
import { CreditRepairService, ListEntry } from '@app/lists';
import { ResidentIdCipher } from '@app/registry';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendPenaltyChanges, PendingPenaltyChange } from './penalty-export-log';
import { ExportEventRow, exportEventFromRow } from './export-event-row';
import { PenaltyExportOp } from './penalty-export-change.entity';
import { PenaltyExport, PenaltyExportStatus } from './penalty-export.entity';
import { parseJson, recordIdOf } from './penalty-line';

/** Withdrawals after which a decision never comes back into the export. */
const FINAL_WITHDRAWALS = new Set<string>([ExportWithdrawalReason.REVOKED, ExportWithdrawalReason.REPAIRED, ExportWithdrawalReason.EXPIRED]);
const CHUNK = 500;

interface EventRow extends ExportEventRow {
  id: string | number;
}

interface SubjectRow {
  id: string | number;
  type: SubjectType;
  name: string | null;
  credit_code: string | null;
  resident_id_masked: string | null;
  resident_id_enc: Buffer | null;
}

/**
 * Keeps the national-platform export (exports.md) in line with the events: for each subject, libs/credit says
 * which of its decisions are published and with what record; the difference to the stored export rows becomes
 * ADD / MODIFY / WITHDRAW changes, committed with their audit row. Run (a) by the rescore job right after the
 * lists, so a revoked decision's withdrawal lands in the run that restores the rating; (b) inside an approved
 * credit repair's transaction (the decision behind the entry is withdrawn as REPAIRED); (c) daily, for
 * publication periods that ended. Idempotent: a second run for the same subject and day changes nothing.
 */
@Injectable()
export class PenaltyExportService implements OnModuleInit {
  private readonly logger = new Logger(PenaltyExportService.name);
  private readonly settings: ExportSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: ResidentIdCipher,
    private readonly repair: CreditRepairService,
    config: AppConfig,
  ) {
    const c = config.penaltyExport;
    this.settings = { authorityCodes: c.authorityCodes, dataSource: c.dataSource };
  }

  onModuleInit(): void {
    this.repair.onApproved((em, entry, now) => this.withdrawRepaired(em, entry, now));
  }

  /** Returns how many export changes the subjects' refresh produced. */
  async refreshSubjects(subjectIds: readonly string[], now = new Date()): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const today = shanghaiDate(now);
    const subjects: SubjectRow[] = await this.dataSource.query(
      'SELECT id, type, name, credit_code, resident_id_masked, resident_id_enc FROM subjects WHERE id IN (?)',
      [subjectIds],
    );
    let changes = 0;
    for (const subject of subjects) changes += await this.refreshSubject(subject, today, now);
    return changes;
  }

  /** Daily: withdraws decisions whose publication period (CF_GSJZQ) has passed, in keyset chunks of subjects. */
  async runDaily(now = new Date()): Promise<{ subjects: number; changes: number }> {
    const today = shanghaiDate(now);
    let subjects = 0;
    let changes = 0;
    for (let after = '0'; ; ) {
      const rows: { subject_id: string | number }[] = await this.dataSource.query(
        `SELECT DISTINCT subject_id FROM penalty_exports WHERE status = 'ACTIVE' AND publication_end < ? AND subject_id > ? ORDER BY subject_id LIMIT ?`,
        [today, after, CHUNK],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => String(r.subject_id));
      changes += await this.refreshSubjects(ids, now);
      subjects += ids.length;
      after = ids[ids.length - 1];
    }
    this.logger.log({ subjects, changes }, 'daily penalty export refresh finished');
    return { subjects, changes };
  }

  private async refreshSubject(subjectRow: SubjectRow, today: string, now: Date): Promise<number> {
    const subjectId = String(subjectRow.id);
    const subject = this.exportSubject(subjectRow);
    return retryingTransaction(this.dataSource, async (em) => {
      // The subject's rows first, locked: two runs for the same subject queue rather than both adding.
      const existing = await em.getRepository(PenaltyExport).createQueryBuilder('p').setLock('pessimistic_write').where('p.subjectId = :id', { id: subjectId }).getMany();
      const rows = new Map(existing.map((r) => [r.eventId, r]));
      const events: EventRow[] = await em.query(
        'SELECT id, type, status, decision_no, legal_basis, authority, decided_on, fine_fen, fine_multiple, amount_involved_fen, suspension_days FROM events WHERE subject_id = ? ORDER BY id',
        [subjectId],
      );
      const context = caseContext(events);
      const pending: PendingPenaltyChange[] = [];
      for (const e of events) {
        const eventId = String(e.id);
        const row = rows.get(eventId);
        const result = penaltyExportRecord(exportEventFromRow(e), subject, this.settings, context);
        if (!result.exported) {
          if (row?.status === PenaltyExportStatus.ACTIVE) {
            pending.push(await withdraw(em, row, e.status === EventStatus.REVOKED ? ExportWithdrawalReason.REVOKED : ExportWithdrawalReason.CHANGED, now));
          }
          continue;
        }
        if (publicationEnded(result.record, today)) {
          if (row?.status === PenaltyExportStatus.ACTIVE) pending.push(await withdraw(em, row, ExportWithdrawalReason.EXPIRED, now));
          continue;
        }
        if (!row) {
          pending.push(await insert(em, eventId, subjectId, result.record, now));
        } else if (row.status === PenaltyExportStatus.ACTIVE) {
          if (row.record === null || !sameRecord(parseJson<PenaltyExportRecord>(row.record), result.record)) pending.push(await update(em, row, result.record, PenaltyExportOp.MODIFY, now));
        } else if (row.withdrawalReason !== null && !FINAL_WITHDRAWALS.has(row.withdrawalReason)) {
          // Withdrawn because an amendment made it unpublishable; amended back: it returns.
          pending.push(await update(em, row, result.record, PenaltyExportOp.ADD, now));
        }
      }
      await appendPenaltyChanges(em, this.audit, pending, { actor: 'system:exports', action: 'exports.penalties.refresh', now });
      return pending.length;
    });
  }

  /**
   * The credit-repair hook: inside the approval's transaction, the decision behind the repaired entry leaves
   * the export as REPAIRED, for good (a row is kept even for a decision never exported, so no later run adds
   * it). The decision is the entry's event and, when the entry rests on another event of the same case (a
   * penalty not carried out, a police referral), the subject's exported records with the entry's decision number.
   */
  async withdrawRepaired(em: EntityManager, entry: ListEntry, now: Date): Promise<void> {
    if (!entry.eventId) return;
    const repo = em.getRepository(PenaltyExport);
    const rows = await repo
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.eventId = :eventId', { eventId: entry.eventId })
      .orWhere("(p.subjectId = :subjectId AND p.status = 'ACTIVE' AND JSON_UNQUOTE(JSON_EXTRACT(p.record, '$.CF_WSH')) = :decisionNo)", {
        subjectId: entry.subjectId,
        decisionNo: entry.decisionNo?.trim() ?? '',
      })
      .orderBy('p.eventId')
      .getMany();
    const pending: PendingPenaltyChange[] = [];
    for (const row of rows) {
      if (row.status === PenaltyExportStatus.ACTIVE) {
        pending.push(await withdraw(em, row, ExportWithdrawalReason.REPAIRED, now));
      } else if (row.withdrawalReason !== ExportWithdrawalReason.REPAIRED) {
        row.withdrawalReason = ExportWithdrawalReason.REPAIRED;
        row.updatedAt = now;
        await repo.save(row);
      }
    }
    if (!rows.some((r) => r.eventId === entry.eventId)) {
      await repo.insert({
        eventId: entry.eventId,
        recordId: recordIdOf(entry.eventId),
        subjectId: entry.subjectId,
        status: PenaltyExportStatus.WITHDRAWN,
        withdrawalReason: ExportWithdrawalReason.REPAIRED,
        publicationEnd: null,
        record: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    await appendPenaltyChanges(em, this.audit, pending, { actor: 'system:exports', action: 'exports.penalties.repair', now });
  }

  private exportSubject(r: SubjectRow): ExportSubject {
    return {
      type: r.type,
      name: r.name,
      creditCode: r.credit_code,
      maskedResidentId: r.resident_id_masked,
      birthDate: r.resident_id_enc ? this.birthDateOf(r.resident_id_enc) : null,
    };
  }

  /** From the decrypted ID, never kept: a value that fails to decrypt or validate gives null (the person is withheld). */
  private birthDateOf(enc: Buffer): string | null {
    try {
      const checked = validateResidentId(this.cipher.decrypt(enc));
      return checked.ok ? checked.birthDate : null;
    } catch {
      return null;
    }
  }
}


/** A confirmed police referral in force makes the penalties of the same case (decision number) severe. */
function caseContext(events: readonly EventRow[]): ExportCaseContext {
  const inForce = new Set<string>([EventStatus.FINAL, EventStatus.UNDER_APPEAL]);
  return {
    policeReferralDecisionNos: new Set(
      events.filter((e) => e.type === EventType.POLICE_REFERRAL_CONFIRMED && inForce.has(e.status) && e.decision_no).map((e) => e.decision_no!.trim()),
    ),
  };
}

async function insert(em: EntityManager, eventId: string, subjectId: string, record: PenaltyExportRecord, now: Date): Promise<PendingPenaltyChange> {
  const recordId = recordIdOf(eventId);
  await em.getRepository(PenaltyExport).insert({
    eventId,
    recordId,
    subjectId,
    status: PenaltyExportStatus.ACTIVE,
    withdrawalReason: null,
    publicationEnd: record.CF_GSJZQ,
    record,
    createdAt: now,
    updatedAt: now,
  });
  return { op: PenaltyExportOp.ADD, recordId, withdrawalReason: null, record };
}

async function update(em: EntityManager, row: PenaltyExport, record: PenaltyExportRecord, op: PenaltyExportOp, now: Date): Promise<PendingPenaltyChange> {
  row.status = PenaltyExportStatus.ACTIVE;
  row.withdrawalReason = null;
  row.record = record;
  row.publicationEnd = record.CF_GSJZQ;
  row.updatedAt = now;
  await em.getRepository(PenaltyExport).save(row);
  return { op, recordId: row.recordId, withdrawalReason: null, record };
}

async function withdraw(em: EntityManager, row: PenaltyExport, reason: ExportWithdrawalReason, now: Date): Promise<PendingPenaltyChange> {
  const record = withdrawnRecord(parseJson<PenaltyExportRecord>(row.record!), reason);
  row.status = PenaltyExportStatus.WITHDRAWN;
  row.withdrawalReason = reason;
  row.record = record;
  row.updatedAt = now;
  await em.getRepository(PenaltyExport).save(row);
  return { op: PenaltyExportOp.WITHDRAW, recordId: row.recordId, withdrawalReason: reason, record };
}
