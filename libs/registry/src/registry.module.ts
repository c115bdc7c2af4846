import { AuditModule } from '@app/audit';
import { OutboxNudger } from '@app/queue';
import { Module } from '@nestjs/common';
import { EventCorrectionsService } from './events/event-corrections.service';
import { EventsReader } from './events/events.reader';
import { EventsService } from './events/events.service';
import { EventCsvImporter } from './import/event-csv-importer';
import { KeyRotationService, residentIdCipherProvider } from './pii';
import { EmploymentsWriter } from './subjects/employments.writer';
import { SubjectDirectory } from './subjects/subject-directory';
import { SubjectsReader } from './subjects/subjects.reader';
import { SubjectsService } from './subjects/subjects.service';

/** Subjects and events: registration, recording, corrections, reads. Used by the API, the worker and the CLI. */
@Module({
  imports: [AuditModule],
  providers: [
    residentIdCipherProvider,
    SubjectDirectory,
    EmploymentsWriter,
    SubjectsService,
    SubjectsReader,
    EventsService,
    EventCorrectionsService,
    EventsReader,
    EventCsvImporter,
    KeyRotationService,
    OutboxNudger,
  ],
  exports: [EventCsvImporter, residentIdCipherProvider, SubjectsService, SubjectsReader, EventsService, EventCorrectionsService, EventsReader, KeyRotationService],
})
export class RegistryModule {}
