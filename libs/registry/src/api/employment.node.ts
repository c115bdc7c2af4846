import { DateScalar } from '@app/common/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Employment', { description: "A period of a practitioner's employment at an institution or pharmacy." })
export class EmploymentNode {
  @Field(() => ID)
  institutionId!: string;

  @Field(() => DateScalar)
  fromDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Inclusive; null while employed.' })
  toDate!: string | null;
}
