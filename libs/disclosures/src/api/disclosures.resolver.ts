import { actorOf, Allow, CurrentPrincipal, Principal, PUBLIC, Role } from '@app/auth';
import { DomainError, Page } from '@app/common';
import { DisclosureKind } from '@app/credit';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DisclosureReader, DisclosureSummary } from '../disclosure-reader';
import { DisclosureService } from '../disclosure.service';
import { Disclosure } from '../disclosure.entity';
import { summaryOf } from '../disclosure-reader';
import { DisclosureConnection, DisclosureNode } from './disclosure-nodes';
import { GraphQLJSON as JsonScalar } from 'graphql-scalars';

type Node = Omit<DisclosureNode, 'content' | 'publishedAt'> & { publishedAt: Date | null };

function node(s: DisclosureSummary): Node {
  return { ...s, publishedAt: s.publishedAt ? new Date(s.publishedAt) : null };
}

const seesAll = (p: Principal) => p.role === Role.REGULATOR || p.role === Role.AUDITOR;

/** Disclosures in GraphQL: the public reads published, unexpired versions; regulators (and auditors) all of them. */
@Resolver(() => DisclosureNode)
export class DisclosuresResolver {
  constructor(
    private readonly service: DisclosureService,
    private readonly reader: DisclosureReader,
  ) {}

  @Query(() => DisclosureConnection, { description: 'Disclosures, newest first (the public caller: published and unexpired only).' })
  @Allow(PUBLIC)
  async disclosures(
    @CurrentPrincipal() principal: Principal,
    @Args('kind', { type: () => DisclosureKind, nullable: true }) kind?: DisclosureKind,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
    @Args('period', { type: () => String, nullable: true }) period?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<Node>> {
    const page = await this.reader.page({ kind, regionCode, period, first, after, all: seesAll(principal) });
    return { ...page, nodes: page.nodes.map(node) };
  }

  @Query(() => DisclosureNode, { nullable: true })
  @Allow(PUBLIC)
  async disclosure(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<Node | null> {
    const rendered = await this.reader.one(id, { all: seesAll(principal) });
    return rendered ? node(rendered.view) : null;
  }

  @ResolveField(() => JsonScalar, { name: 'content' })
  async content(@Parent() parent: Node, @CurrentPrincipal() principal: Principal): Promise<unknown> {
    const rendered = await this.reader.one(parent.id, { all: seesAll(principal) });
    if (!rendered) return null;
    const { items, periodStart, periodEnd, title, kind, period, regionCode } = rendered.view;
    return { kind, title, period, periodStart, periodEnd, regionCode, items };
  }

  @Mutation(() => DisclosureNode, { description: 'Builds (or rebuilds) the draft for one kind and period: a new version only when the content changed.' })
  @Allow(Role.REGULATOR)
  async generateDisclosure(
    @Args('kind', { type: () => DisclosureKind }) kind: DisclosureKind,
    @Args('period', { type: () => String }) period: string,
    @CurrentPrincipal() principal: Principal,
    @Args('regionCode', { type: () => String, nullable: true, description: 'A region (6 digits; 120000 = the province); default every region.' }) regionCode?: string,
  ): Promise<Node> {
    const { disclosure } = await this.service.generate(kind, period, regionCode ?? null, actorOf(principal));
    return this.done(disclosure);
  }

  @Mutation(() => DisclosureNode, { description: 'Publishes a draft atomically; the previously published version of its kind, period and region becomes SUPERSEDED.' })
  @Allow(Role.REGULATOR)
  async publishDisclosure(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<Node> {
    return this.done(await this.service.publish(digits(id), actorOf(principal)));
  }

  @Mutation(() => DisclosureNode, { description: 'Withdraws a whole disclosure version, with the reason.' })
  @Allow(Role.REGULATOR)
  async withdrawDisclosure(@Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string, @CurrentPrincipal() principal: Principal): Promise<Node> {
    return this.done(await this.service.withdraw(digits(id), reason, actorOf(principal)));
  }

  private done(d: Disclosure): Node {
    this.reader.invalidate(String(d.id));
    return node(summaryOf(d));
  }
}

function digits(id: string): string {
  if (!/^\d{1,19}$/.test(id)) throw DomainError.notFound('no such disclosure', { field: 'id' });
  return id;
}
