import { SubjectType } from '../model';
import { InsuredRating, InsuredRatingInput } from '../insured/insured-rating';
import { rateInsuredPerson } from '../insured/rate-insured-person';
import { assessPractitioner } from '../practitioner/assess-practitioner';
import { PractitionerAssessment, PractitionerAssessmentInput } from '../practitioner/practitioner-assessment';
import { OrgSubjectType } from '../rules';
import { OrgRating, OrgRatingInput } from './org-rating';
import { rateOrganisation } from './rate-organisation';

/** What `rate` accepts: the input of the subject type's rule, tagged with the subject type. */
export type RateInput =
  | (OrgRatingInput & { subjectType: OrgSubjectType })
  | (PractitionerAssessmentInput & { subjectType: SubjectType.PRACTITIONER })
  | (InsuredRatingInput & { subjectType: SubjectType.INSURED_PERSON });

export interface RatingBySubjectType {
  [SubjectType.MEDICAL_INSTITUTION]: OrgRating;
  [SubjectType.PHARMACY]: OrgRating;
  [SubjectType.PRACTITIONER]: PractitionerAssessment;
  [SubjectType.INSURED_PERSON]: InsuredRating;
}

/** Every result carries `subjectType` and `ruleSetVersion`, so the union is discriminated like the input. */
export type Rating = RatingBySubjectType[SubjectType];

/**
 * One entry point for the rescore worker: dispatches on `subjectType`. A rule set of another subject type is a
 * bug in the caller (rule sets are chosen per subject type), so it throws instead of rating with wrong rules.
 */
export function rate<I extends RateInput>(input: I): RatingBySubjectType[I['subjectType']];
export function rate(input: RateInput): Rating {
  if (input.ruleSet.subjectType !== input.subjectType) {
    throw new Error(`rate: a ${input.ruleSet.subjectType} rule set cannot rate a ${input.subjectType}`);
  }
  switch (input.subjectType) {
    case SubjectType.MEDICAL_INSTITUTION:
    case SubjectType.PHARMACY:
      return rateOrganisation(input);
    case SubjectType.PRACTITIONER:
      return assessPractitioner(input);
    case SubjectType.INSURED_PERSON:
      return rateInsuredPerson(input);
  }
}
