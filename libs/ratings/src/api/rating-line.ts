import { RatingAnswer } from '../ratings/ratings.reader';

/**
 * One rating as a line of the bulk feed: the GraphQL `Rating` type's fields under the same names and in the
 * same forms (dates as `YYYY-MM-DD`, `computedAt` as an ISO instant in UTC, enums as their names), so a
 * consumer can switch between the two without mapping. The explanation only when asked for.
 */
export function ratingLine(r: RatingAnswer, explanation: boolean): string {
  const line: Record<string, unknown> = {
    subjectId: r.subjectId,
    creditCode: r.creditCode,
    subjectType: r.subjectType,
    score: r.score,
    grade: r.grade,
    status: r.status,
    hasRecord: r.hasRecord,
    inspectionFactor: r.inspectionFactor,
    keySupervision: r.keySupervision,
    depositRetention: r.depositRetention,
    terminationRecommended: r.terminationRecommended,
    notRated: r.notRated,
    investigationHold: r.investigationHold,
    settlementSuspendedUntil: r.settlementSuspendedUntil,
    ruleSetVersion: r.ruleSetVersion,
    computedAt: r.computedAt === null ? null : r.computedAt.toISOString(),
  };
  if (explanation) line.explanation = r.explanation.map(({ eventId, points, countsUntil, rule }) => ({ eventId, points, countsUntil, rule }));
  return `${JSON.stringify(line)}\n`;
}
