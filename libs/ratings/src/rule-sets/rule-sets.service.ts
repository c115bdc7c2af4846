import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { RuleSet, RuleSetBySubjectType, shanghaiDate, SubjectType, validateRuleSet } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { ruleSetInForce } from './rule-set-in-force';
import { RuleSetRecord } from './rule-set.entity';

/**
 * Rule sets as data: the versions stored in the database, the one in force on a date, and publishing a new
 * version. A version never changes once published, and never takes effect in the past: ratings already
 * computed under the old rules stay explainable.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stored versions, of one subject type or all. With `publishedBy`, only those published by then, and always
   * version 1, the seeded defaults, which rate every date before any other version (domain.md).
   */
  async list(subjectType?: SubjectType | null, publishedBy?: Date | null): Promise<RuleSetRecord[]> {
    const type = subjectType ? { subjectType } : {};
    return this.dataSource.getRepository(RuleSetRecord).find({
      where: publishedBy ? [{ ...type, publishedAt: LessThanOrEqual(publishedBy) }, { ...type, version: 1 }] : type,
      order: { subjectType: 'ASC', version: 'ASC' },
    });
  }

  /** Every stored version (or one subject type's) as libs/credit reads them. */
  async bodies(subjectType?: SubjectType | null, publishedBy?: Date | null): Promise<RuleSet[]> {
    return (await this.list(subjectType, publishedBy)).map((r) => r.body as unknown as RuleSet);
  }

  /** The version in force on `asOf` for a subject type (the latest effectiveFrom on or before it). */
  async inForce<S extends SubjectType>(subjectType: S, asOf: string): Promise<RuleSetBySubjectType[S]> {
    return ruleSetInForce(await this.bodies(subjectType), subjectType, asOf);
  }

  async publish(ruleSet: unknown, actor: string): Promise<RuleSetRecord> {
    const problems = validateRuleSet(ruleSet);
    if (problems.length > 0) {
      throw DomainError.badInput(`the rule set is not valid: ${problems.slice(0, 5).join('; ')}`, {
        field: 'ruleSet',
        reason: 'INVALID_RULE_SET',
        problems,
      });
    }
    const rs = ruleSet as RuleSet;
    if (rs.effectiveFrom <= shanghaiDate(new Date())) {
      throw DomainError.badInput('effectiveFrom must be after today: rules never change ratings already given', {
        field: 'effectiveFrom',
        reason: 'INVALID_DATE',
      });
    }
    return this.dataSource.transaction(async (em) => {
      const latest = await em
        .getRepository(RuleSetRecord)
        .createQueryBuilder('r')
        .select('MAX(r.version)', 'version')
        .where('r.subjectType = :type', { type: rs.subjectType })
        .setLock('pessimistic_write')
        .getRawOne<{ version: number | null }>();
      const next = Number(latest?.version ?? 0) + 1;
      if (rs.version !== next) {
        throw DomainError.conflict(`the next ${rs.subjectType} rule-set version is ${next}`, { field: 'version', expected: next });
      }
      const record = em.getRepository(RuleSetRecord).create({
        subjectType: rs.subjectType,
        version: rs.version,
        effectiveFrom: rs.effectiveFrom,
        body: rs as unknown as Record<string, unknown>,
        publishedAt: new Date(),
        publishedBy: actor,
      });
      await em.getRepository(RuleSetRecord).save(record);
      await this.audit.append(em, [
        {
          actor,
          action: 'ruleset.publish',
          targetType: 'rule_set',
          targetId: `${rs.subjectType}:${rs.version}`,
          diff: { effectiveFrom: rs.effectiveFrom, body: rs },
        },
      ]);
      return record;
    });
  }
}
