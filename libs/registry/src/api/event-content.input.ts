
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { AssessmentResult, InspectionKind, Responsibility } from './registry-enums';

/** The content fields of an event as input, shared by recordEvents and amendEvent. */
@InputType({ isAbstract: true })
export abstract class EventContentInput {
  @Field(() => String, { nullable: true })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true })
  decisionNo?: string | null;

  @Field(() => String, { nullable: true })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Integer fen.' })
  amountInvolvedFen?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Integer fen.' })
  fineFen?: number | null;

  @Field(() => Float, { nullable: true, description: 'Multiple of the loss (Art.38: 1–2, Art.40: 2–5).' })
  fineMultiple?: number | null;

  @Field(() => Int, { nullable: true })
  suspensionDays?: number | null;

  @Field(() => Responsibility, { nullable: true, description: 'Required for practitioners.' })
  responsibility?: Responsibility | null;

  @Field(() => Boolean, { nullable: true })
  selfReported?: boolean | null;

  @Field(() => InspectionKind, { nullable: true })
  inspectionKind?: InspectionKind | null;

  @Field(() => AssessmentResult, { nullable: true })
  assessmentResult?: AssessmentResult | null;
}
