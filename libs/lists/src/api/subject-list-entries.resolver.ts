import { RequestLoaders } from '@app/common/graphql';
import { Subject } from '@app/registry';
import { SubjectNode } from '@app/registry/api/subject.node';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ListEntry } from '../entries/list-entry.entity';
import { entryView } from './list-entry.view';
import { LIST_LOADERS } from './list-loaders';
import { ListEntryNode } from './list-nodes';

/** `Subject.listEntries`: every entry of the subject, open and closed, oldest first (batched). */
@Resolver(() => SubjectNode)
export class SubjectListEntriesResolver {
  @ResolveField(() => [ListEntryNode], { description: 'The subject’s list entries, open and closed, oldest first.' })
  async listEntries(@Parent() s: Subject, @Context() ctx: { loaders: RequestLoaders }): Promise<ListEntryNode[]> {
    return (await ctx.loaders.get<string, ListEntry[]>(LIST_LOADERS.bySubject).load(s.id)).map(entryView);
  }
}
