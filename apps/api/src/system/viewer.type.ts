import { Role } from '@app/auth';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The caller, as the API sees it.' })
export class Viewer {
  @Field(() => Role, { nullable: true, description: 'null for the public caller (no API key)' })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: "the API key's name" })
  keyName!: string | null;
}
