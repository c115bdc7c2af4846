import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RecordedEvent')
export class RecordedEventNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sourceRef!: string;
}

@ObjectType('RecordEventsResult')
export class RecordEventsResultNode {
  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: 'Items already stored with the same content (their ids are in events).' })
  duplicates!: number;

  @Field(() => [RecordedEventNode], { description: 'One per item, in input order.' })
  events!: RecordedEventNode[];
}
