import { CreditEvent, rateOnDate, RuleSet, RuleSetBySubjectType, SubjectType } from '@app/credit';
import { EntityManager } from 'typeorm';
import { cleanRecordOutcome } from './clean-record';
import { headline, RatingOutcome, ratingOutcome } from './rating-outcome';
import { RatingChange } from './rating-writer';
import { readCreditEventsOf } from './subject-events.reader';
import { SubjectRow } from './subject-rows.reader';

/** The rule set of a subject type in force on a day (see ruleSetInForce). */
export type RuleSetOn = (type: SubjectType, day: string) => RuleSet;

/**
 * Rates a chunk of subjects as of `asOf`: their events in one query, then libs/credit per subject (rateOnDate:
 * the rule set in force that day, and the year-end grades computed from the same events). Shared by the
 * incremental and the full rescore and the rule-set preview, so all rate alike.
 */
export async function rateSubjects(em: EntityManager, subjects: readonly SubjectRow[], ruleSetOn: RuleSetOn, asOf: string): Promise<RatingChange[]> {
  const events = await readCreditEventsOf(em, subjects.map((s) => String(s.id)));
  return rateLoaded(subjects, events, ruleSetOn, asOf);
}

/** The in-memory half of rateSubjects, for callers that load the events themselves (e.g. as known at a moment). */
export function rateLoaded(
  subjects: readonly SubjectRow[],
  events: ReadonlyMap<string, CreditEvent[]>,
  ruleSetOn: RuleSetOn,
  asOf: string,
): RatingChange[] {
  return subjects.map((s) => {
    const outcome = outcomeOn(s, events, ruleSetOn, asOf);
    const cleanHeadline = headline(cleanRecordOutcome(ruleSetOn(s.type, asOf), asOf, s.agreement_signed_on));
    return { subjectId: String(s.id), eventRevision: Number(s.event_revision), outcome, cleanHeadline };
  });
}

/** The ratings alone, by subject id: what a reader answers (no clean-record reference, which only writers compare with). */
export function rateOutcomes(
  subjects: readonly SubjectRow[],
  events: ReadonlyMap<string, CreditEvent[]>,
  ruleSetOn: RuleSetOn,
  asOf: string,
): Map<string, RatingOutcome> {
  return new Map(subjects.map((s) => [String(s.id), outcomeOn(s, events, ruleSetOn, asOf)]));
}

function outcomeOn(s: SubjectRow, events: ReadonlyMap<string, CreditEvent[]>, ruleSetOn: RuleSetOn, asOf: string): RatingOutcome {
  const typed = ruleSetOn as <S extends SubjectType>(type: S, day: string) => RuleSetBySubjectType[S];
  const subject = { agreementSignedOn: s.agreement_signed_on };
  return ratingOutcome(rateOnDate({ subjectType: s.type, ruleSetOn: typed, events: events.get(String(s.id)) ?? [], asOf, subject }));
}
