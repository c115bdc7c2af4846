import { DateScalar } from '@app/common/graphql';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('RuleSet', { description: 'A published rule-set version: the numbers ratings are computed with (domain.md).' })
export class RuleSetNode {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => Date)
  publishedAt!: Date;

  @Field(() => GraphQLJSON, { description: 'The rule set as libs/credit reads it.' })
  body!: Record<string, unknown>;
}
