import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { Page, pageSize } from '@app/common';
import { DateScalar, RequestLoaders } from '@app/common/graphql';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ListEntriesReader } from '../entries/list-entries.reader';
import { ListEntry } from '../entries/list-entry.entity';
import { ListLifecycleService } from '../entries/list-lifecycle.service';
import { ListObjection } from '../entries/list-objection.entity';
import { ListChangesReader } from '../feeds/list-changes.reader';
import { entryView } from './list-entry.view';
import { ListEntryStatus, ListKind } from './list-enums';
import { LIST_LOADERS } from './list-loaders';
import { ListChangeNode, ListEntryConnection, ListEntryNode, ListObjectionNode } from './list-nodes';

type Ctx = { loaders: RequestLoaders };

/** The lists' GraphQL face: the commission's `listChanges`, regulators' entries and the severe list's lifecycle. */
@Resolver(() => ListEntryNode)
export class ListsResolver {
  constructor(
    private readonly changes: ListChangesReader,
    private readonly entries: ListEntriesReader,
    private readonly lifecycle: ListLifecycleService,
  ) {}

  @Query(() => [ListChangeNode], {
    description: 'Changes of one list after a seq, ascending (gap-free, commit order), each with the whole entry as it now stands.',
    // One SQL range scan serves the page and nothing below a change resolves further: cost grows with the
    // changes asked for, not changes × fields (as for `ratings`).
    complexity: ({ args }) => 1 + pageSize(args.first as number | undefined, 1000, 10_000),
  })
  @Allow(Role.NDRC)
  async listChanges(
    @Args('list', { type: () => ListKind }) list: ListKind,
    @Args('afterSeq', { type: () => Int }) afterSeq: number,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<ListChangeNode[]> {
    const page = await this.changes.since(list, afterSeq, pageSize(first, 1000, 10_000));
    return page.changes.map((c) => ({ ...c, removalReason: c.removalReason as ListChangeNode['removalReason'], auditHead: `${c.auditHead.seq}:${c.auditHead.hash}` }) as ListChangeNode);
  }

  @Query(() => ListEntryConnection, { description: 'List entries in creation order, by list and lifecycle status (e.g. NOTIFIED: awaiting confirmation).' })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  async listEntries(
    @Args('list', { type: () => ListKind, nullable: true }) list?: ListKind,
    @Args('status', { type: () => ListEntryStatus, nullable: true }) status?: ListEntryStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<ListEntryNode>> {
    const page = await this.entries.page({ list, status, first, after });
    return { ...page, nodes: page.nodes.map(entryView) };
  }

  @Mutation(() => ListEntryNode, { description: 'Puts a notified severe-list candidate on the list, once the objection period is over and no objection is pending.' })
  @Allow(Role.REGULATOR)
  async confirmListEntry(@Args('entryId', { type: () => ID }) entryId: string, @CurrentPrincipal() principal: Principal): Promise<ListEntryNode> {
    return entryView(await this.lifecycle.confirm(entryId, actorOf(principal)));
  }

  @Mutation(() => ListObjectionNode, { description: "Records a subject's objection to a severe-list candidacy, received within the objection period." })
  @Allow(Role.REGULATOR)
  recordObjection(
    @Args('entryId', { type: () => ID }) entryId: string,
    @Args('receivedOn', { type: () => DateScalar }) receivedOn: string,
    @Args('summary', { type: () => String }) summary: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListObjection> {
    return this.lifecycle.recordObjection(entryId, receivedOn, summary, actorOf(principal));
  }

  @Mutation(() => ListObjectionNode, { description: 'Upheld: the candidate is dropped and never published. Rejected: it may be confirmed.' })
  @Allow(Role.REGULATOR)
  decideObjection(
    @Args('objectionId', { type: () => ID }) objectionId: string,
    @Args('upheld', { type: () => Boolean }) upheld: boolean,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ListObjection> {
    return this.lifecycle.decideObjection(objectionId, upheld, reason, actorOf(principal));
  }

  @ResolveField(() => [ListObjectionNode])
  objections(@Parent() entry: ListEntryNode & { rowId: string }, @Context() ctx: Ctx): Promise<ListObjection[]> {
    return ctx.loaders.get<string, ListObjection[]>(LIST_LOADERS.objections).load(entry.rowId);
  }
}

export type { ListEntry };
