import { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * Code-first connection for a node type: `{ nodes, pageInfo { hasNextPage endCursor } }`.
 * Extend it: `@ObjectType() class FooConnection extends Connection(Foo) {}`.
 */
export function Connection<T>(node: Type<T>): Type<{ nodes: T[]; pageInfo: PageInfo }> {
  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
