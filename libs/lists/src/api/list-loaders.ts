import { LoaderRegistry } from '@app/common/graphql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ListEntriesReader } from '../entries/list-entries.reader';

/** The lists' DataLoaders: field resolvers go through these, never to a repository directly. */
export const LIST_LOADERS = {
  bySubject: 'lists.bySubject',
  objections: 'lists.objections',
  entryByRowId: 'lists.entryByRowId',
} as const;

@Injectable()
export class ListLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly entries: ListEntriesReader,
  ) {}

  onModuleInit(): void {
    this.registry.register(LIST_LOADERS.bySubject, (ids: readonly string[]) => this.entries.bySubjects(ids));
    this.registry.register(LIST_LOADERS.objections, (ids: readonly string[]) => this.entries.objectionsOf(ids));
    this.registry.register(LIST_LOADERS.entryByRowId, (ids: readonly string[]) => this.entries.entriesByRowIds(ids));
  }
}
