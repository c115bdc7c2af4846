import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EventContentType } from './event-content.type';
import { EventStatus } from './registry-enums';

@ObjectType('EventVersion', { description: 'A version of an event that a later amendment or revocation replaced.' })
export class EventVersionNode extends EventContentType {
  @Field(() => ID)
  eventId!: string;

  @Field(() => Date)
  supersededAt!: Date;

  @Field(() => EventStatus, { description: 'How this version ended: AMENDED (replaced by the next version) or REVOKED.' })
  supersededAs!: EventStatus;
}
