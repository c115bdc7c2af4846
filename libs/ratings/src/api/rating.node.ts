import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/common/graphql';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Grade, PractitionerStatus } from './rating-enums';

@ObjectType('ExplanationLine', { description: "One event's contribution to a rating, and the last day it counts." })
export class ExplanationLineNode {
  @Field(() => ID)
  eventId!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Inclusive; null while open-ended (an investigation hold).' })
  countsUntil!: string | null;

  @Field(() => String, { description: 'The rule applied, e.g. PENALTY_ART38:MULTIPLE>=1.5+FLIGHT.' })
  rule!: string;
}

@ObjectType('Rating', { description: 'A rating as the budget module reads it (consumers.md).' })
export class RatingNode {
  @Field(() => ID, { nullable: true, description: 'Null for a credit code the service has never seen.' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true })
  creditCode!: string | null;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => Int, { description: 'Institutions and pharmacies 0–1000, insured persons 0–100, practitioners: points this year.' })
  score!: number;

  @Field(() => Grade, { nullable: true, description: 'Null for practitioners (see status).' })
  grade!: Grade | null;

  @Field(() => PractitionerStatus, { nullable: true })
  status!: PractitionerStatus | null;

  @Field(() => Boolean, { description: 'False when the subject has no rating of its own: the answer is the clean-record default.' })
  hasRecord!: boolean;

  @Field(() => Float, { nullable: true })
  inspectionFactor!: number | null;

  @Field(() => Boolean)
  keySupervision!: boolean;

  @Field(() => Boolean)
  depositRetention!: boolean;

  @Field(() => Boolean)
  terminationRecommended!: boolean;

  @Field(() => Boolean, { description: 'Institutions and pharmacies whose agreement is younger than the rule set allows: no grade yet.' })
  notRated!: boolean;

  @Field(() => Boolean, { description: 'An Art.30 investigation hold is open (institutions and pharmacies; no score effect).' })
  investigationHold!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Insured persons: direct settlement suspended through this day (条例 Art.41).' })
  settlementSuspendedUntil!: string | null;

  @Field(() => Int)
  ruleSetVersion!: number;

  @Field(() => Date, { nullable: true })
  computedAt!: Date | null;

  @Field(() => [ExplanationLineNode])
  explanation!: ExplanationLineNode[];
}
