import { LoaderRegistry } from '@app/common/graphql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventsReader, LatestEventsKey, latestKey } from '../events/events.reader';
import { SubjectsReader } from '../subjects/subjects.reader';

/** The registry's DataLoaders: field resolvers go through these, never to a repository directly. */
export const REGISTRY_LOADERS = {
  subject: 'registry.subject',
  employments: 'registry.employments',
  events: 'registry.events',
  history: 'registry.history',
} as const;

@Injectable()
export class RegistryLoaders implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly subjects: SubjectsReader,
    private readonly events: EventsReader,
  ) {}

  onModuleInit(): void {
    this.registry.register(REGISTRY_LOADERS.subject, (ids: readonly string[]) => this.subjects.byIds(ids));
    this.registry.register(REGISTRY_LOADERS.employments, (ids: readonly string[]) => this.subjects.employmentsOf(ids));
    // Keyed by subject and `first`: each subject's newest `first` events, bounded in SQL.
    this.registry.register(REGISTRY_LOADERS.events, (keys: readonly LatestEventsKey[]) => this.events.latestBySubjects(keys), { cacheKeyFn: latestKey });
    this.registry.register(REGISTRY_LOADERS.history, (ids: readonly string[]) => this.events.historyOf(ids));
  }
}
