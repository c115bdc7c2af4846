import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('AuditEntry', { description: 'One row of the hash-chained audit log.' })
export class AuditEntryType {
  @Field(() => ID)
  seq!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String)
  actor!: string;

  @Field(() => String)
  action!: string;

  @Field(() => String)
  targetType!: string;

  @Field(() => String)
  targetId!: string;

  @Field(() => GraphQLJSON)
  diff!: Record<string, unknown>;

  @Field(() => String)
  prevHash!: string;

  @Field(() => String)
  hash!: string;
}
