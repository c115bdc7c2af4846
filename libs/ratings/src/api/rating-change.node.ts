import { Connection } from '@app/common/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RatingNode } from './rating.node';

@ObjectType('RatingChange', { description: 'A rating as it became at one point of the change stream.' })
export class RatingChangeNode extends RatingNode {
  @Field(() => ID, { description: 'Position in the change stream, increasing.' })
  seq!: string;
}

@ObjectType()
export class RatingChangeConnection extends Connection(RatingChangeNode) {}
