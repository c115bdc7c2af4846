import { AuditModule } from '@app/audit';
import { ListsModule } from '@app/lists';
import { residentIdCipherProvider } from '@app/registry';
import { Module } from '@nestjs/common';
import { DisclosureChangesPublisher } from './cache/disclosure-changes.publisher';
import { PublicViewCache } from './cache/public-view-cache';
import { DisclosureBuilder } from './disclosure-builder';
import { DisclosureReader } from './disclosure-reader';
import { DisclosureService } from './disclosure.service';
import { RepairedDisclosureItems } from './repair/repaired-disclosure-items';

/** Public disclosures (domain.md §6): built by a job or a regulator's call, read by the public API. */
@Module({
  imports: [AuditModule, ListsModule],
  providers: [DisclosureBuilder, DisclosureService, DisclosureReader, PublicViewCache, DisclosureChangesPublisher, RepairedDisclosureItems, residentIdCipherProvider],
  exports: [DisclosureService, DisclosureReader, PublicViewCache, DisclosureChangesPublisher],
})
export class DisclosuresModule {}
