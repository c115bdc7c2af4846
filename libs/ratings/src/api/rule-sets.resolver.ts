import { actorOf, Allow, CurrentPrincipal, Principal, Role } from '@app/auth';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { pageSize } from '@app/common';
import { RuleSetPreview, RuleSetPreviewService } from '../rule-sets/rule-set-preview.service';
import { RuleSetPreviewNode } from './rule-set-preview.node';
import { GraphQLJSON } from 'graphql-scalars';
import { RuleSetRecord } from '../rule-sets/rule-set.entity';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { RuleSetNode } from './rule-set.node';

@Resolver(() => RuleSetNode)
export class RuleSetsResolver {
  constructor(
    private readonly service: RuleSetsService,
    private readonly previews: RuleSetPreviewService,
  ) {}

  @Query(() => [RuleSetNode], { description: 'Every published rule-set version, by subject type and version.' })
  @Allow(Role.REGULATOR, Role.AUDITOR, Role.BUDGET)
  ruleSets(@Args('subjectType', { type: () => SubjectType, nullable: true }) subjectType?: SubjectType): Promise<RuleSetRecord[]> {
    return this.service.list(subjectType);
  }

  @Mutation(() => RuleSetNode, {
    description: 'Publishes the next version of a subject type\'s rule set (validated; effective from a future date).',
  })
  @Allow(Role.REGULATOR)
  publishRuleSet(
    @Args('ruleSet', { type: () => GraphQLJSON }) ruleSet: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RuleSetRecord> {
    return this.service.publish(ruleSet, actorOf(principal));
  }

  @Query(() => RuleSetPreviewNode, {
    description:
      'How many subjects, and which, a rule set would move to another grade. Small populations are answered at once ' +
      '(inline, nothing stored); larger ones are queued for the worker: poll ruleSetPreview(id).',
  })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  previewRuleSet(
    @Args('ruleSet', { type: () => GraphQLJSON }) ruleSet: unknown,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<RuleSetPreview> {
    return this.previews.preview(ruleSet, pageSize(first, 100, 10_000), actorOf(principal));
  }

  @Query(() => RuleSetPreviewNode, { description: 'A queued rule-set preview: its status and, once DONE, its result.' })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  ruleSetPreview(@Args('id', { type: () => ID }) id: string): Promise<RuleSetPreview> {
    return this.previews.find(id);
  }
}
