import { DomainError } from '@app/common';
import { RuleSet, SubjectType, validateRuleSet } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ruleSetInForce } from './rule-set-in-force';
import { rateSubjects } from '../ratings/rate-subjects';
import { SubjectRow } from '../ratings/subject-rows.reader';
import { headline } from '../ratings/rating-outcome';
import { RuleSetsService } from './rule-sets.service';

const CHUNK = 1000;

export interface GradeChangePreview {
  subjectId: string;
  creditCode: string | null;
  fromGrade: string;
  toGrade: string;
  fromScore: number;
  toScore: number;
}

export interface RuleSetPreview {
  subjectType: SubjectType;
  version: number;
  effectiveFrom: string;
  subjectsCompared: number;
  gradeChanges: number;
  changes: GradeChangePreview[];
}

/**
 * What a rule set would change before it takes effect (consumers.md, regulators): every subject of its type is
 * rated as of the new effective date twice, with the rules that would otherwise be in force and with the
 * candidate, so the difference is the rules' alone, not time's. Nothing is stored.
 */
@Injectable()
export class RuleSetPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
  ) {}

  async preview(candidate: unknown, listAtMost: number): Promise<RuleSetPreview> {
    const problems = validateRuleSet(candidate);
    if (problems.length > 0) {
      throw DomainError.badInput(`the rule set is not valid: ${problems.slice(0, 5).join('; ')}`, { field: 'ruleSet', reason: 'INVALID_RULE_SET', problems });
    }
    const next = candidate as RuleSet;
    const stored = await this.ruleSets.bodies(next.subjectType);
    const withCandidate = [...stored, next];
    const result: RuleSetPreview = { subjectType: next.subjectType, version: next.version, effectiveFrom: next.effectiveFrom, subjectsCompared: 0, gradeChanges: 0, changes: [] };
    for (let after = '0'; ; ) {
      const subjects: SubjectRow[] = await this.dataSource.query(
        'SELECT id, type, credit_code, agreement_signed_on, event_revision FROM subjects WHERE type = ? AND id > ? ORDER BY id LIMIT ?',
        [next.subjectType, after, CHUNK],
      );
      if (subjects.length === 0) break;
      after = String(subjects[subjects.length - 1].id);
      // Year-end grades of past years are rated with the rules of then in both cases: only the candidate differs.
      const before = await rateSubjects(this.dataSource.manager, subjects, (type, day) => ruleSetInForce(stored, type, day), next.effectiveFrom);
      const afterRules = await rateSubjects(this.dataSource.manager, subjects, (type, day) => ruleSetInForce(withCandidate, type, day), next.effectiveFrom);
      subjects.forEach((s, i) => {
        const [from, to] = [before[i].outcome, afterRules[i].outcome];
        if (headline(from) === headline(to)) return;
        result.gradeChanges++;
        if (result.changes.length < listAtMost) {
          result.changes.push({ subjectId: String(s.id), creditCode: s.credit_code ?? null, fromGrade: headline(from), toGrade: headline(to), fromScore: from.score, toScore: to.score });
        }
      });
      result.subjectsCompared += subjects.length;
    }
    return result;
  }
}
