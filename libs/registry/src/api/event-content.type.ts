import { DateScalar } from '@app/common/graphql';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { AssessmentResult, EventStatus, EventType, InspectionKind, Responsibility } from './registry-enums';

/** The fields every version of an event has (domain.md §2). Money is integer fen (SafeInt: beyond Int's 2^31). */
@ObjectType({ isAbstract: true })
export abstract class EventContentType {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => EventType)
  type!: EventType;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => String, { nullable: true })
  legalBasis!: string | null;

  @Field(() => String, { nullable: true })
  decisionNo!: string | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => DateScalar)
  occurredOn!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field(() => GraphQLSafeInt, { nullable: true })
  amountInvolvedFen!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  fineFen!: number | null;

  @Field(() => Float, { nullable: true })
  fineMultiple!: number | null;

  @Field(() => Int, { nullable: true })
  suspensionDays!: number | null;

  @Field(() => Responsibility, { nullable: true })
  responsibility!: Responsibility | null;

  @Field(() => Boolean)
  selfReported!: boolean;

  @Field(() => InspectionKind, { nullable: true })
  inspectionKind!: InspectionKind | null;

  @Field(() => AssessmentResult, { nullable: true })
  assessmentResult!: AssessmentResult | null;

  @Field(() => String, { nullable: true, description: 'Why this version exists (amendments and revocations).' })
  changeReason!: string | null;

  @Field(() => Date, { description: 'When this version was written (UTC).' })
  recordedAt!: Date;
}
