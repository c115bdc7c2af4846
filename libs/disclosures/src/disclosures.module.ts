import { AuditModule } from '@app/audit';
import { residentIdCipherProvider } from '@app/registry';
import { Module } from '@nestjs/common';
import { DisclosureChangesPublisher } from './cache/disclosure-changes.publisher';
import { PublicViewCache } from './cache/public-view-cache';
import { DisclosureBuilder } from './disclosure-builder';
import { DisclosureReader } from './disclosure-reader';
import { DisclosureService } from './disclosure.service';

/** Public disclosures (domain.md §6): built by a job or a regulator's call, read by the public API. */
@Module({
  imports: [AuditModule],
  providers: [DisclosureBuilder, DisclosureService, DisclosureReader, PublicViewCache, DisclosureChangesPublisher, residentIdCipherProvider],
  exports: [DisclosureService, DisclosureReader, PublicViewCache, DisclosureChangesPublisher],
})
export class DisclosuresModule {}
