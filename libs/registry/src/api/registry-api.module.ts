import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry.module';
import { EventsResolver } from './events.resolver';
import { RegistryLoaders } from './registry-loaders';
import { SubjectsResolver } from './subjects.resolver';

/** The registry's GraphQL face, mounted by the API app only. */
@Module({
  imports: [RegistryModule],
  providers: [SubjectsResolver, EventsResolver, RegistryLoaders],
})
export class RegistryApiModule {}
