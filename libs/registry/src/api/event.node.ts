import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EventContentType } from './event-content.type';

@ObjectType('Event', { description: 'One decision or assessment about one subject, as it now stands.' })
export class EventNode extends EventContentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sourceSystem!: string;

  @Field(() => String)
  sourceRef!: string;
}
