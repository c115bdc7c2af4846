import {
  AssessmentResult,
  EventStatus,
  EventType,
  InspectionKind,
  Profession,
  Responsibility,
  SubjectType,
} from '@app/credit';
import { registerEnumType } from '@nestjs/graphql';

// The registry's vocabulary of domain.md as GraphQL enums, so the schema itself documents the catalogue.
// Grades and practitioner statuses are the ratings library's (libs/ratings/src/api/rating-enums.ts).
registerEnumType(SubjectType, { name: 'SubjectType' });
registerEnumType(Profession, { name: 'Profession' });
registerEnumType(EventType, { name: 'EventType' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(Responsibility, { name: 'Responsibility' });
registerEnumType(InspectionKind, { name: 'InspectionKind' });
registerEnumType(AssessmentResult, { name: 'AssessmentResult' });

export { AssessmentResult, EventStatus, EventType, InspectionKind, Profession, Responsibility, SubjectType };
