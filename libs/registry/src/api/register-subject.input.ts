import { DateScalar } from '@app/common/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Profession, SubjectType } from './registry-enums';

@InputType()
export class RegisterSubjectInput {
  @Field(() => SubjectType)
  type!: SubjectType;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Institutions and pharmacies.' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Persons. Stored encrypted, never returned in clear.' })
  residentId?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => Profession, { nullable: true, description: 'Practitioners.' })
  profession?: Profession | null;

  @Field(() => String, { nullable: true, description: "The practitioner's employer (a registered institution or pharmacy)." })
  institutionCreditCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When that employment began (default: today).' })
  employedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Institutions and pharmacies.' })
  agreementSignedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Institutions and pharmacies: e.g. 三级甲等综合医院, 连锁药店.' })
  category?: string | null;
}
