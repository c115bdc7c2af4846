export type {
  PractitionerAssessment,
  PractitionerAssessmentInput,
  PractitionerExplanationLine,
} from './practitioner-assessment';
export { assessPractitioner } from './assess-practitioner';
