import { DateScalar } from '@app/common/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Profession, SubjectType } from './registry-enums';

@ObjectType('Subject', { description: 'A rated subject: an institution, a pharmacy, a practitioner or an insured person.' })
export class SubjectNode {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectType)
  type!: SubjectType;

  @Field(() => String, { nullable: true, description: 'Null for an insured person known only from an event.' })
  name!: string | null;

  @Field(() => String, { nullable: true })
  creditCode!: string | null;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => Profession, { nullable: true })
  profession!: Profession | null;

  @Field(() => DateScalar, { nullable: true })
  agreementSignedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Institutions and pharmacies.' })
  category!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
