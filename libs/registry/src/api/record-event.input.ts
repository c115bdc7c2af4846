import { DateScalar } from '@app/common/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { EventContentInput } from './event-content.input';
import { EventStatus, EventType } from './registry-enums';

@InputType({ description: 'One event (domain.md §2). Name the subject by exactly one of subjectId, creditCode, residentId.' })
export class RecordEventInput extends EventContentInput {
  @Field(() => String, { description: 'With sourceRef, the idempotency key.' })
  sourceSystem!: string;

  @Field(() => String)
  sourceRef!: string;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  creditCode?: string | null;

  @Field(() => String, { nullable: true })
  residentId?: string | null;

  @Field(() => EventType)
  type!: EventType;

  @Field(() => EventStatus, { nullable: true, description: 'Default FINAL.' })
  status?: EventStatus | null;

  @Field(() => DateScalar)
  occurredOn!: string;

  @Field(() => DateScalar)
  decidedOn!: string;
}
