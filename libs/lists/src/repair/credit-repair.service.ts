import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/common';
import { isIsoDate, ListKind, repairConditions, RepairConditions, repairDecisionDeadline, RuleSet, shanghaiDate, SubjectType, WorkingDayCalendar } from '@app/credit';
import { retryingTransaction } from '@app/database';
import { readCreditEventsOf, ruleSetInForce, RuleSetsService } from '@app/ratings';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toFeedEntry } from '../feeds/feed-entry';
import { checkedText } from '../entries/checked-text';
import { appendListChanges } from '../entries/list-change-log';
import { ListChangeOp } from '../entries/list-change.entity';
import { ListEntry, ListEntryStatus, RemovalReason } from '../entries/list-entry.entity';
import { lockEntry } from '../entries/list-lifecycle.service';
import { listRulesOf } from '../entries/lists-refresh.service';
import { close } from '../entries/reconcile-subject-lists';
import { workingDayCalendar } from '../entries/working-days';
import { RepairApplication, RepairStatus } from './repair-application.entity';

export interface RepairApplicationInput {
  appliedOn: string;
  penaltyPerformed: boolean;
  moneyReturned: boolean;
  publicCommitment: boolean;
}

/**
 * Hooks run in an approved repair's transaction (the penalty export and the public disclosures withdraw the
 * decision: "everywhere at once"). A hook may return work to run once the transaction has committed (telling
 * the API replicas' caches), never before: a rolled-back approval must announce nothing.
 */
export const REPAIR_APPROVED_HOOKS = 'REPAIR_APPROVED_HOOKS';
export type RepairApprovedHook = (em: EntityManager, entry: ListEntry, now: Date) => Promise<void | (() => Promise<void>)>;

/**
 * Credit repair (信用修复, 发改委令第36号): a regulator records the subject's application for one entry; the
 * service shows which conditions hold (libs/credit repairConditions) and when the decision is due (15 working
 * days); an approval, allowed only while every condition holds, removes the entry with REPAIRED from the list,
 * its feed and the penalty export in one transaction.
 */
@Injectable()
export class CreditRepairService {
  private readonly calendar: WorkingDayCalendar;
  private readonly hooks: RepairApprovedHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.calendar = workingDayCalendar(config);
  }

  /** Lets a later stage of the flow (the penalty export) act in the approval's transaction. */
  onApproved(hook: RepairApprovedHook): void {
    this.hooks.push(hook);
  }

  async apply(entryId: string, input: RepairApplicationInput, actor: string, now = new Date()): Promise<RepairApplication> {
    if (!isIsoDate(input.appliedOn) || input.appliedOn > shanghaiDate(now)) {
      throw DomainError.badInput('appliedOn must be a calendar date, not in the future', { field: 'appliedOn', reason: 'INVALID_DATE' });
    }
    // Read before the transaction: a read on a second pool connection while holding the entry's lock starves
    // the pool when as many identical requests arrive at once (each waits on the lock holding a connection).
    const ruleSets = await this.ruleSets.bodies();
    return retryingTransaction(this.dataSource, async (em) => {
      const entry = await lockEntry(em, entryId);
      if (entry.status !== ListEntryStatus.ACTIVE || entry.list !== ListKind.SEVERE_DISHONESTY) {
        throw DomainError.conflict('credit repair applies to an entry on the severe list', { field: 'entryId' });
      }
      const open = await em.getRepository(RepairApplication).countBy({ entryRowId: entry.id, status: RepairStatus.PENDING });
      if (open > 0) throw DomainError.conflict('an application for this entry is still undecided', { field: 'entryId', reason: 'REPAIR_PENDING' });
      const rules = rulesFor(ruleSets, entry.subjectType, input.appliedOn);
      const repo = em.getRepository(RepairApplication);
      const application = repo.create({
        entryRowId: entry.id,
        appliedOn: input.appliedOn,
        penaltyPerformed: input.penaltyPerformed,
        moneyReturned: input.moneyReturned,
        publicCommitment: input.publicCommitment,
        decisionDeadline: repairDecisionDeadline(this.calendar, input.appliedOn, rules),
        status: RepairStatus.PENDING,
        decisionReason: null,
        decidedAt: null,
        decidedBy: null,
        recordedBy: actor,
        createdAt: now,
      });
      await repo.insert(application);
      await this.audit.append(em, [{ actor, action: 'lists.repair.apply', targetType: 'list_entry', targetId: entry.entryId!, diff: { applicationId: application.id, ...input } }]);
      return application;
    });
  }

  /** Which conditions hold today for an application (shown to the regulator before deciding). */
  async conditions(application: RepairApplication, now = new Date()): Promise<RepairConditions> {
    const entry = await this.dataSource.getRepository(ListEntry).findOneByOrFail({ id: application.entryRowId });
    return this.check(this.dataSource.manager, entry, application, shanghaiDate(now), await this.ruleSets.bodies());
  }

  async decide(applicationId: string, approve: boolean, reason: string, actor: string, now = new Date()): Promise<RepairApplication> {
    const why = checkedText(reason, 'reason', 500);
    const today = shanghaiDate(now);
    const ruleSets = await this.ruleSets.bodies(); // before the locks, as in apply()
    const afterCommit: (() => Promise<void>)[] = [];
    const decided = await retryingTransaction(this.dataSource, async (em) => {
      afterCommit.length = 0; // a retried transaction starts over
      const application = await em.getRepository(RepairApplication).findOne({ where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw DomainError.notFound('no such repair application', { field: 'applicationId' });
      if (application.status !== RepairStatus.PENDING) throw DomainError.conflict(`the application was already ${application.status}`, { field: 'applicationId' });
      const entry = await em.getRepository(ListEntry).findOneOrFail({ where: { id: application.entryRowId }, lock: { mode: 'pessimistic_write' } });
      if (approve) {
        const held = await this.check(em, entry, application, today, ruleSets);
        if (!held.allHold) {
          const failing = Object.entries(held).filter(([k, v]) => v === false && k !== 'allHold').map(([k]) => k);
          throw DomainError.conflict(`repair conditions not met: ${failing.join(', ')}`, { field: 'applicationId', reason: 'REPAIR_CONDITIONS_NOT_MET', failing });
        }
      }
      application.status = approve ? RepairStatus.APPROVED : RepairStatus.REJECTED;
      application.decisionReason = why;
      application.decidedAt = now;
      application.decidedBy = actor;
      await em.getRepository(RepairApplication).save(application);
      if (approve && entry.status === ListEntryStatus.ACTIVE) {
        close(entry, ListEntryStatus.REMOVED, RemovalReason.REPAIRED, now);
        await em.getRepository(ListEntry).save(entry);
        for (const hook of this.hooks) {
          const then = await hook(em, entry, now);
          if (then) afterCommit.push(then);
        }
        await appendListChanges(em, this.audit, [{ op: ListChangeOp.REMOVE, entry: toFeedEntry(entry), removalReason: RemovalReason.REPAIRED }], { actor, action: 'lists.repair.approve', now });
      } else {
        await this.audit.append(em, [{ actor, action: approve ? 'lists.repair.approve' : 'lists.repair.reject', targetType: 'list_entry', targetId: entry.entryId!, diff: { applicationId } }]);
      }
      return application;
    });
    for (const then of afterCommit) await then();
    return decided;
  }

  /** On the caller's connection (`em`: inside a decision, its transaction), never a second one from the pool. */
  private async check(em: EntityManager, entry: ListEntry, application: RepairApplication, asOf: string, ruleSets: RuleSet[]): Promise<RepairConditions> {
    const events = (await readCreditEventsOf(em, [entry.subjectId])).get(entry.subjectId) ?? [];
    const rules = rulesFor(ruleSets, entry.subjectType, asOf);
    return repairConditions({ entry: { effectiveFrom: entry.effectiveFrom, severity: entry.severity }, application, events, asOf, rules });
  }
}

function rulesFor(ruleSets: RuleSet[], type: SubjectType, day: string) {
  return listRulesOf(ruleSetInForce(ruleSets, type, day));
}
