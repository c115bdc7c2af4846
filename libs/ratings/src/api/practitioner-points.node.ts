import { DateScalar } from '@app/common/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PractitionerStatus } from './rating-enums';

@ObjectType('PractitionerPoints', { description: "A practitioner's 12-point cycle in one natural year (domain.md §4)." })
export class PractitionerPointsNode {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Points of the year after repairs.' })
  total!: number;

  @Field(() => PractitionerStatus, { description: 'National: suspended or terminated anywhere is ineligible everywhere.' })
  status!: PractitionerStatus;

  @Field(() => DateScalar, { nullable: true })
  suspendedFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Inclusive.' })
  suspendedUntil!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day (inclusive) of the re-registration bar.' })
  barredUntil!: string | null;
}
