import { DisclosureKind, DisclosureStatus } from '@app/credit';
import { Connection } from '@app/common/graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON as JsonScalar } from 'graphql-scalars';

registerEnumType(DisclosureKind, { name: 'DisclosureKind', description: 'The kinds of public disclosure (domain.md §6).' });
registerEnumType(DisclosureStatus, { name: 'DisclosureStatus' });

@ObjectType('Disclosure', { description: 'One version of a disclosure for a kind, period and region (null: every region).' })
export class DisclosureNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DisclosureKind)
  kind!: DisclosureKind;

  @Field(() => String, { description: 'Page title (domain.md §6).' })
  title!: string;

  @Field(() => String, { description: '2026-10 (month), 2026-Q3 (quarter) or 2026-H2 (half-year).' })
  period!: string;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => DisclosureStatus)
  status!: DisclosureStatus;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'SHA-256 (hex) of the RFC 8785 form of the stored content.' })
  contentHash!: string;

  @Field(() => String, { description: 'The audit chain head (seq:hash) when the snapshot was taken.' })
  auditHead!: string;

  @Field(() => Int)
  itemCount!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, { description: 'The last day any item is public (ISO date).' })
  publicationEnd!: string;

  @Field(() => String, { nullable: true, description: '更正说明, when this version superseded a published one.' })
  correctionNote!: string | null;

  @Field(() => String, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => JsonScalar, { description: 'The snapshot as a reader sees it today: withdrawn items replaced by their 撤回公告, expired items left out.' })
  content!: unknown;
}

@ObjectType('DisclosureConnection')
export class DisclosureConnection extends Connection(DisclosureNode) {}
