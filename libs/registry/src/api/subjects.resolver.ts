import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { DomainError } from '@app/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Employment } from '../subjects/employment.entity';
import { Subject } from '../subjects/subject.entity';
import { SubjectsReader } from '../subjects/subjects.reader';
import { SubjectsService } from '../subjects/subjects.service';
import { EventRecord } from '../events/event-record.entity';
import type { LatestEventsKey } from '../events/events.reader';
import { EmploymentNode } from './employment.node';
import { EventNode } from './event.node';
import { RegisterSubjectInput } from './register-subject.input';
import { REGISTRY_LOADERS } from './registry-loaders';
import { SubjectType } from './registry-enums';
import { SubjectNode } from './subject.node';
import type { RequestLoaders } from '@app/common/graphql';

type Ctx = { loaders: RequestLoaders };

@Resolver(() => SubjectNode)
export class SubjectsResolver {
  constructor(
    private readonly registration: SubjectsService,
    private readonly reader: SubjectsReader,
  ) {}

  @Mutation(() => [SubjectNode], { description: 'Registers subjects (at most 5,000); a known natural key returns the existing subject.' })
  @Allow(Role.REGULATOR)
  registerSubjects(
    @Args('input', { type: () => [RegisterSubjectInput] }) input: RegisterSubjectInput[],
    @CurrentPrincipal() principal: Principal,
  ): Promise<Subject[]> {
    return this.registration.register(input, actorOf(principal));
  }

  @Query(() => SubjectNode, { nullable: true, description: 'One subject by id or by credit code.' })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  async subject(
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('creditCode', { type: () => String, nullable: true }) creditCode?: string,
  ): Promise<Subject | null> {
    if ((id ? 1 : 0) + (creditCode ? 1 : 0) !== 1) {
      throw DomainError.badInput('give exactly one of id or creditCode', { field: id ? 'creditCode' : 'id', reason: 'INVALID_VALUE' });
    }
    return id ? this.reader.byId(id) : this.reader.byCreditCode(creditCode!);
  }

  @ResolveField(() => String, { nullable: true, description: 'The resident ID as first 6 + ******** + last 4.' })
  maskedResidentId(@Parent() s: Subject): string | null {
    return s.residentIdMasked;
  }

  @ResolveField(() => String, { nullable: true, description: 'The resident ID in clear: REGULATOR only, and audited.' })
  async residentId(@Parent() s: Subject, @CurrentPrincipal() principal: Principal): Promise<string | null> {
    if (principal.role !== Role.REGULATOR) throw DomainError.forbidden('only a regulator may see a resident ID in clear');
    return s.residentIdHmac ? this.registration.revealResidentId(s.id, actorOf(principal)) : null;
  }

  @ResolveField(() => [EmploymentNode], { description: "A practitioner's employments, oldest first." })
  async employments(@Parent() s: Subject, @Context() ctx: Ctx): Promise<Employment[]> {
    return s.type === SubjectType.PRACTITIONER ? ctx.loaders.get<string, Employment[]>(REGISTRY_LOADERS.employments).load(s.id) : [];
  }

  @ResolveField(() => [EventNode], { description: 'The events as they now stand, newest decision first.' })
  async events(
    @Parent() s: Subject,
    @Context() ctx: Ctx,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
  ): Promise<EventRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > 1000) {
      throw DomainError.badInput('first must be between 1 and 1000', { field: 'first', reason: 'INVALID_PAGE_SIZE' });
    }
    return ctx.loaders.get<LatestEventsKey, EventRecord[]>(REGISTRY_LOADERS.events).load({ subjectId: s.id, first });
  }
}
