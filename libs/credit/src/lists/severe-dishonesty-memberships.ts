import { CreditEvent, EventType, SubjectType } from '../model';
import { assessPractitioner } from '../practitioner/assess-practitioner';
import { ListRules, PractitionerRuleSet } from '../rules';
import { countingEvents } from '../scoring/counting-events';
import { addDays } from '../scoring/dates';
import { ListKind, ListSeverity } from './list-kind';
import { ListMembership } from './list-membership';
import { ListMembershipsInput } from './list-memberships-input';
import { plannedPublicationEnd } from './planned-publication-end';

export const AGREEMENT_TERMINATED_FRAUD = 'AGREEMENT_TERMINATED_FRAUD';
export const PRACTITIONER_TERMINATED_12_POINTS = 'PRACTITIONER_TERMINATED_12_POINTS';

/**
 * SEVERE_DISHONESTY memberships on `asOf` (domain.md §5), one per entry event, in decision order:
 * - an event of `entryEventTypes` (reasonCode = its type);
 * - AGREEMENT_TERMINATED for fraud (see `terminationForFraud`);
 * - for practitioners, an event that carried `termination.singleEventMinPoints` (12) points on its own.
 * Counting events only (FINAL and UNDER_APPEAL decided by `asOf`): a REVOKED event gives nothing, and the service
 * removes its entry as REVOKED. Each entry is judged with the rule set in force on its event's decision date, so
 * its planned end never moves when a later rule-set version changes the period (an entry's terms are fixed when it
 * is made). It is published up to `plannedEnd` inclusive and gone the day after (the automatic exit).
 * Two events of one type with one decision number are one decision (domain.md §2: same indicator in one case
 * counts once), so they give one membership, the first in decision order.
 */
export function severeDishonestyMemberships(input: ListMembershipsInput): ListMembership[] {
  const { subjectType, asOf } = input;
  const events = countingEvents(input.events, asOf);
  const out: ListMembership[] = [];
  const decisions = new Set<string>();
  const entered = new Set<string>();
  for (const e of events) {
    const rules = input.ruleSetOn(subjectType, e.decidedOn).lists;
    const reason = entryReason(e, events, rules);
    if (reason === null) continue;
    if (e.decisionNo !== null) {
      const key = `${e.type}\u0000${e.decisionNo}`;
      if (decisions.has(key)) continue;
      decisions.add(key);
    }
    entered.add(e.id);
    out.push(membership(e.id, reason.code, reason.from, rules));
  }
  if (subjectType === SubjectType.PRACTITIONER) {
    for (const m of practitionerTerminations(input, events)) if (!entered.has(m.eventId as string)) out.push(m);
  }
  return out.filter((m) => asOf <= (m.plannedEnd as string));
}

function membership(eventId: string, reasonCode: string, effectiveFrom: string, rules: ListRules): ListMembership {
  return {
    list: ListKind.SEVERE_DISHONESTY,
    reasonCode,
    eventId,
    effectiveFrom,
    plannedEnd: plannedPublicationEnd(effectiveFrom, ListSeverity.SEVERE, rules),
    severity: ListSeverity.SEVERE,
  };
}

function entryReason(e: CreditEvent, events: readonly CreditEvent[], rules: ListRules): { code: string; from: string } | null {
  const severe = rules.severeDishonesty;
  if (severe.entryEventTypes.includes(e.type)) return { code: e.type, from: e.decidedOn };
  if (e.type !== EventType.AGREEMENT_TERMINATED) return null;
  const from = fraudShownFrom(e, events, severe.terminationForFraud);
  return from === null ? null : { code: AGREEMENT_TERMINATED_FRAUD, from };
}

/**
 * No event field says why an agreement was terminated, so "terminated for fraud" is read from the record: a
 * counting fraud event (PENALTY_ART40 by default) with the termination's decision number, or decided within
 * `withinDays` days before it (the same day included). A fraud penalty decided after the termination under
 * another number is not tied to it retroactively: that penalty enters the list on its own anyway. The entry
 * holds from when both are known: the termination's date, or the later date of a same-numbered fraud decision.
 * If the fraud event is revoked, the termination stops being for fraud and its membership goes too.
 */
function fraudShownFrom(
  termination: CreditEvent,
  events: readonly CreditEvent[],
  rule: ListRules['severeDishonesty']['terminationForFraud'],
): string | null {
  const earliest = addDays(termination.decidedOn, -rule.withinDays);
  let from: string | null = null;
  for (const f of events) {
    if (!rule.fraudEventTypes.includes(f.type)) continue;
    const sameDecision = termination.decisionNo !== null && f.decisionNo === termination.decisionNo;
    const justBefore = earliest <= f.decidedOn && f.decidedOn <= termination.decidedOn;
    if (!sameDecision && !justBefore) continue;
    const shown = f.decidedOn > termination.decidedOn ? f.decidedOn : termination.decidedOn;
    if (from === null || shown < from) from = shown;
  }
  return from;
}

/**
 * A practitioner's single-event 12-point termination (domain.md §4, §5): the event's own points, as the 12-point
 * cycle scored them on its decision date with the rule set of that day (tier, responsibility, repeat in the year,
 * same case counted once), reach `termination.singleEventMinPoints`: the event behind the 3-year bar.
 */
function practitionerTerminations(input: ListMembershipsInput, events: readonly CreditEvent[]): ListMembership[] {
  const out: ListMembership[] = [];
  const byDay = new Map<string, ReturnType<typeof assessPractitioner>>();
  for (const e of events) {
    const ruleSet = input.ruleSetOn(SubjectType.PRACTITIONER, e.decidedOn);
    if (!canCarry(ruleSet, e.type)) continue;
    let assessment = byDay.get(e.decidedOn);
    if (assessment === undefined) {
      assessment = assessPractitioner({ ruleSet, events: input.events, asOf: e.decidedOn });
      byDay.set(e.decidedOn, assessment);
    }
    const line = assessment.explanation.find((l) => l.eventId === e.id);
    if (line === undefined || line.points < ruleSet.termination.singleEventMinPoints) continue;
    out.push(membership(e.id, PRACTITIONER_TERMINATED_12_POINTS, e.decidedOn, ruleSet.lists));
  }
  return out;
}

/**
 * Whether an event of `type` could carry the single-event termination points: its tier's MAIN end reaches them,
 * or a repeat in the year moves it to a tier whose MAIN end does. A cheap filter, so that only such events (by
 * default PENALTY_ART40 and LICENCE_REVOKED) cost an assessment.
 */
function canCarry(ruleSet: PractitionerRuleSet, type: EventType): boolean {
  const threshold = ruleSet.termination.singleEventMinPoints;
  const tier = ruleSet.tiers.find((t) => t.eventTypes.includes(type));
  if (tier === undefined) return false;
  if (tier.points.MAIN >= threshold) return true;
  const repeatTier = ruleSet.tiers.find((t) => t.tier === ruleSet.repeatInYear.toTier);
  return ruleSet.repeatInYear.fromTiers.includes(tier.tier) && repeatTier !== undefined && repeatTier.points.MAIN >= threshold;
}
