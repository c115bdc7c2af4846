import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('RatingNotification', { description: 'A grade (or practitioner status) change, to be notified to the subject with the events behind it.' })
export class RatingNotificationNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Null for the first rating.' })
  fromValue!: string | null;

  @Field(() => String)
  toValue!: string;

  @Field(() => [ID], { description: 'The events that count in the new rating.' })
  eventIds!: string[];

  @Field(() => Date)
  createdAt!: Date;
}
