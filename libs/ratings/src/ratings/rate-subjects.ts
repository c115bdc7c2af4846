import { rate, RateInput, RuleSet, SubjectType } from '@app/credit';
import { EntityManager } from 'typeorm';
import { readPriorGrades } from './prior-grades.reader';
import { RatingChange } from './rating-writer';
import { ratingOutcome } from './rating-outcome';
import { readCreditEventsOf } from './subject-events.reader';

export interface SubjectRow {
  id: string | number;
  type: SubjectType;
  credit_code?: string | null;
  agreement_signed_on: string | null;
  event_revision: number;
}

/**
 * Rates a chunk of subjects in memory from raw rows: their events and prior year-end grades in two queries,
 * then libs/credit per subject with the rule set `ruleSetFor` picks. Shared by the full rescore and the
 * rule-set preview, so both rate exactly as the incremental path does.
 */
export async function rateSubjects(
  em: EntityManager,
  subjects: readonly SubjectRow[],
  ruleSetFor: (type: SubjectType) => RuleSet,
  asOf: string,
): Promise<RatingChange[]> {
  const ids = subjects.map((s) => String(s.id));
  const events = await readCreditEventsOf(em, ids);
  const prior = await readPriorGrades(em, ids);
  const thisYear = Number(asOf.slice(0, 4));
  return subjects.map((s) => {
    const input = {
      subjectType: s.type,
      ruleSet: ruleSetFor(s.type),
      events: events.get(String(s.id)) ?? [],
      asOf,
      subject: { agreementSignedOn: s.agreement_signed_on },
      priorGrades: (prior.get(String(s.id)) ?? []).filter((g) => g.year < thisYear),
    };
    return { subjectId: String(s.id), eventRevision: Number(s.event_revision), outcome: ratingOutcome(rate(input as RateInput)) };
  });
}
