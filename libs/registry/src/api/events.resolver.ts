import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import type { RequestLoaders } from '@app/common/graphql';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EventCorrectionsService } from '../events/event-corrections.service';
import { EventRecord } from '../events/event-record.entity';
import { EventVersion } from '../events/event-version.entity';
import { EventsReader } from '../events/events.reader';
import { EventsService } from '../events/events.service';
import { Subject } from '../subjects/subject.entity';
import { AmendEventInput } from './amend-event.input';
import { EventVersionNode } from './event-version.node';
import { EventNode } from './event.node';
import { RecordEventInput } from './record-event.input';
import { RecordEventsResultNode } from './record-events-result.type';
import { REGISTRY_LOADERS } from './registry-loaders';
import { SubjectNode } from './subject.node';

type Ctx = { loaders: RequestLoaders };

@Resolver(() => EventNode)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly corrections: EventCorrectionsService,
    private readonly reader: EventsReader,
  ) {}

  @Mutation(() => RecordEventsResultNode, { description: 'Records events: all-or-nothing, at most 5,000, idempotent on (sourceSystem, sourceRef).' })
  @Allow(Role.REGULATOR)
  async recordEvents(
    @Args('input', { type: () => [RecordEventInput] }) input: RecordEventInput[],
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordEventsResultNode> {
    const result = await this.events.record(input, actorOf(principal));
    return { created: result.created, duplicates: result.duplicates, events: result.events.map(({ id, sourceRef }) => ({ id, sourceRef })) };
  }

  @Mutation(() => EventNode, { description: 'Revokes an event (a new version with status REVOKED); its history is kept.' })
  @Allow(Role.REGULATOR)
  revokeEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventRecord> {
    return this.corrections.revoke(id, reason, actorOf(principal));
  }

  @Mutation(() => EventNode, { description: 'Amends an event: a new version replaces the current one, which moves to its history.' })
  @Allow(Role.REGULATOR)
  amendEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => AmendEventInput }) input: AmendEventInput,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventRecord> {
    return this.corrections.amend(id, { ...input }, reason, actorOf(principal));
  }

  @Query(() => EventNode, { nullable: true })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  event(@Args('id', { type: () => ID }) id: string): Promise<EventRecord | null> {
    return this.reader.byId(id);
  }

  @ResolveField(() => SubjectNode)
  async subject(@Parent() e: EventRecord, @Context() ctx: Ctx): Promise<Subject> {
    return (await ctx.loaders.get<string, Subject | null>(REGISTRY_LOADERS.subject).load(e.subjectId))!;
  }

  @ResolveField(() => [EventVersionNode], { description: 'Earlier versions, oldest first: what was believed when.' })
  history(@Parent() e: EventRecord, @Context() ctx: Ctx): Promise<EventVersion[]> {
    return ctx.loaders.get<string, EventVersion[]>(REGISTRY_LOADERS.history).load(e.id);
  }
}
