import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { Page } from '@app/common';
import { RequestLoaders } from '@app/common/graphql';
import { RepairConditions, shanghaiDate } from '@app/credit';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ListEntriesReader } from '../entries/list-entries.reader';
import { ListEntry } from '../entries/list-entry.entity';
import { CreditRepairService } from '../repair/credit-repair.service';
import { RepairApplication, RepairStatus } from '../repair/repair-application.entity';
import { entryView } from './list-entry.view';
import { LIST_LOADERS } from './list-loaders';
import { ListEntryNode, RepairApplicationConnection, RepairApplicationInput, RepairApplicationNode, RepairConditionsNode } from './list-nodes';

/** Credit repair (信用修复): applications, the conditions that hold, deadlines (overdue visible), decisions. */
@Resolver(() => RepairApplicationNode)
export class CreditRepairResolver {
  constructor(
    private readonly repair: CreditRepairService,
    private readonly entries: ListEntriesReader,
  ) {}

  @Mutation(() => RepairApplicationNode, { description: "Records a subject's credit-repair application for a severe-list entry; the decision is due within 15 working days." })
  @Allow(Role.REGULATOR)
  applyForCreditRepair(
    @Args('entryId', { type: () => ID }) entryId: string,
    @Args('input', { type: () => RepairApplicationInput }) input: RepairApplicationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RepairApplication> {
    return this.repair.apply(entryId, input, actorOf(principal));
  }

  @Mutation(() => RepairApplicationNode, { description: 'Approves (only while every condition holds: the entry leaves the list, its feed and the export as REPAIRED) or rejects.' })
  @Allow(Role.REGULATOR)
  decideCreditRepair(
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('approve', { type: () => Boolean }) approve: boolean,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RepairApplication> {
    return this.repair.decide(applicationId, approve, reason, actorOf(principal));
  }

  @Query(() => RepairApplicationConnection, { description: 'Credit-repair applications by status; overdue: undecided past their deadline.' })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  creditRepairApplications(
    @Args('status', { type: () => RepairStatus, nullable: true }) status?: RepairStatus,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<RepairApplication>> {
    return this.entries.repairs({ status, overdue, first, after });
  }

  @ResolveField(() => Boolean, { description: 'Undecided past its decision deadline.' })
  overdue(@Parent() a: RepairApplication): boolean {
    return a.status === RepairStatus.PENDING && a.decisionDeadline < shanghaiDate(new Date());
  }

  @ResolveField(() => RepairConditionsNode, { description: 'Which conditions hold today.' })
  conditions(@Parent() a: RepairApplication): Promise<RepairConditions> {
    return this.repair.conditions(a);
  }

  @ResolveField(() => ListEntryNode)
  async entry(@Parent() a: RepairApplication, @Context() ctx: { loaders: RequestLoaders }): Promise<ListEntryNode> {
    return entryView((await ctx.loaders.get<string, ListEntry | null>(LIST_LOADERS.entryByRowId).load(a.entryRowId))!);
  }
}
