import {
  AssessmentResult,
  EventStatus,
  EventType,
  Grade,
  InspectionKind,
  PractitionerStatus,
  Profession,
  Responsibility,
  SubjectType,
} from '@app/credit';
import { registerEnumType } from '@nestjs/graphql';

// The vocabulary of domain.md as GraphQL enums, so the schema itself documents the catalogue.
registerEnumType(SubjectType, { name: 'SubjectType' });
registerEnumType(Profession, { name: 'Profession' });
registerEnumType(EventType, { name: 'EventType' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(Responsibility, { name: 'Responsibility' });
registerEnumType(InspectionKind, { name: 'InspectionKind' });
registerEnumType(AssessmentResult, { name: 'AssessmentResult' });
registerEnumType(Grade, { name: 'Grade' });
registerEnumType(PractitionerStatus, { name: 'PractitionerStatus' });

export { AssessmentResult, EventStatus, EventType, Grade, InspectionKind, PractitionerStatus, Profession, Responsibility, SubjectType };
