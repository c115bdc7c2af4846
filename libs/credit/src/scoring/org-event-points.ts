import { CreditEvent, InspectionKind } from '../model';
import { OrgEventRule, OrgRuleSet } from '../rules';
import { roundPoints } from './round-points';

export interface OrgEventPoints {
  points: number;
  rule: string;
}

/**
 * Points of one institution event: the catalogue's default deduction (domain.md §2 table), then the modifiers,
 * multiplied and rounded once, halves away from zero. Modifiers weigh findings only: they never touch a bonus,
 * nor a rule with `applyModifiers: false` (assessments, commitments, commendations).
 */
export function orgEventPoints(
  rule: OrgEventRule,
  e: CreditEvent,
  modifiers: OrgRuleSet['modifiers'],
  isRepeat: boolean,
): OrgEventPoints {
  const base = basePoints(rule, e);
  let ruleName = base.variant === null ? e.type : `${e.type}:${base.variant}`;
  if (!rule.applyModifiers || base.points >= 0) return { points: base.points, rule: ruleName };
  let weight = 1;
  if (e.inspectionKind === InspectionKind.FLIGHT) {
    weight *= modifiers.flightWeight;
    ruleName += '+FLIGHT';
  }
  if (e.selfReported) {
    weight *= modifiers.selfReportedFactor; // 从轻 for 自查自纠 before the deadline
    ruleName += '+SELF_REPORTED';
  }
  if (isRepeat) {
    weight *= modifiers.repeatWeight; // 屡查屡犯 → 从重
    ruleName += '+REPEAT';
  }
  return { points: weight === 1 ? base.points : roundPoints(base.points * weight), rule: ruleName };
}

function basePoints(rule: OrgEventRule, e: CreditEvent): { points: number; variant: string | null } {
  const p = rule.points;
  switch (p.kind) {
    case 'FIXED':
      return { points: p.points, variant: null };
    case 'PER_AMOUNT': {
      // −1 per whole 10,000 yuan recovered: a part of 10,000 does not count.
      const units = Math.floor((e.amountInvolvedFen ?? 0) / p.perAmountFen);
      const raw = p.points + units * p.pointsPerAmount;
      return raw < p.capPoints ? { points: p.capPoints, variant: 'CAPPED' } : { points: raw, variant: null };
    }
    case 'BY_FINE_MULTIPLE': {
      let chosen: { points: number; variant: string | null } = { points: p.points, variant: null };
      for (const step of p.steps) {
        if (e.fineMultiple !== null && e.fineMultiple >= step.minMultiple) {
          chosen = { points: step.points, variant: `MULTIPLE>=${step.minMultiple}` };
        }
      }
      return chosen;
    }
    case 'BY_ASSESSMENT':
      // An assessment without a result (refused on ingest) scores nothing rather than guessing.
      return e.assessmentResult === null
        ? { points: 0, variant: 'NO_RESULT' }
        : { points: p.points[e.assessmentResult], variant: e.assessmentResult };
  }
}
