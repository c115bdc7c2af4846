import { Grade, Rating as CreditRating, SubjectType } from '@app/credit';
import { RatingValues } from './rating-values';

export type RatingOutcome = Omit<RatingValues, 'computedAt'>;

/** libs/credit's result for any subject type, in the one shape that ratings are stored and served in. */
export function ratingOutcome(result: CreditRating): RatingOutcome {
  switch (result.subjectType) {
    case SubjectType.MEDICAL_INSTITUTION:
    case SubjectType.PHARMACY:
      return {
        subjectType: result.subjectType,
        score: result.score,
        grade: result.grade,
        status: null,
        inspectionFactor: result.inspectionFactor,
        keySupervision: result.keySupervision,
        depositRetention: result.depositRetention,
        terminationRecommended: result.terminationRecommended,
        notRated: result.notRated,
        investigationHold: result.investigationHold,
        settlementSuspendedUntil: null,
        ruleSetVersion: result.ruleSetVersion,
        explanation: result.explanation,
      };
    case SubjectType.INSURED_PERSON:
      return {
        ...noFlags(result.subjectType, result.ruleSetVersion),
        score: result.score,
        grade: result.grade,
        settlementSuspendedUntil: result.directSettlementSuspendedUntil,
        explanation: result.explanation,
      };
    case SubjectType.PRACTITIONER:
      return {
        ...noFlags(result.subjectType, result.ruleSetVersion),
        score: result.total,
        status: result.status,
        keySupervision: result.keySupervision,
        explanation: result.explanation.map(({ eventId, points, countsUntil, rule }) => ({ eventId, points, countsUntil, rule })),
      };
  }
}

function noFlags(subjectType: SubjectType, ruleSetVersion: number): RatingOutcome {
  return {
    subjectType,
    score: 0,
    grade: null,
    status: null,
    inspectionFactor: null,
    keySupervision: false,
    depositRetention: false,
    terminationRecommended: false,
    notRated: false,
    investigationHold: false,
    settlementSuspendedUntil: null,
    ruleSetVersion,
    explanation: [],
  };
}

/** The value a notification reports: the grade, or a practitioner's status. */
export function headline(r: Pick<RatingValues, 'grade' | 'status'>): string {
  return r.grade ?? r.status ?? Grade.NOT_RATED;
}

/** Whether two ratings differ in anything a reader acts on (score, grade, status or a flag). */
export function differs(a: RatingOutcome, b: RatingOutcome): boolean {
  return (
    a.score !== b.score ||
    a.grade !== b.grade ||
    a.status !== b.status ||
    a.inspectionFactor !== b.inspectionFactor ||
    a.keySupervision !== b.keySupervision ||
    a.depositRetention !== b.depositRetention ||
    a.terminationRecommended !== b.terminationRecommended ||
    a.notRated !== b.notRated ||
    a.investigationHold !== b.investigationHold ||
    a.settlementSuspendedUntil !== b.settlementSuspendedUntil ||
    a.ruleSetVersion !== b.ruleSetVersion
  );
}
