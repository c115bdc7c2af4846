import { DateScalar } from '@app/common/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { EventContentInput } from './event-content.input';
import { EventStatus, EventType } from './registry-enums';

@InputType({ description: 'The fields to change; absent fields keep their value, null clears one.' })
export class AmendEventInput extends EventContentInput {
  @Field(() => EventType, { nullable: true })
  type?: EventType | null;

  @Field(() => EventStatus, { nullable: true, description: 'PROPOSED, FINAL or UNDER_APPEAL; revoke with revokeEvent.' })
  status?: EventStatus | null;

  @Field(() => DateScalar, { nullable: true })
  occurredOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  decidedOn?: string | null;
}
