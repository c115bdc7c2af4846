import { EventType, SubjectType } from '@app/credit';
import { LEGAL_BASES as B } from '../catalogue/legal-bases';
import { Prng } from '../random/prng';
import { EventDetails } from './event-details';

const T = EventType;
const ART38_SUSPENSION_MIN_DAYS = 180;

/** The legalBasis text for an event, or null for recognitions, which rest on no sanctioning rule. */
export function legalBasisFor(
  rng: Prng,
  subjectType: SubjectType,
  type: EventType,
  details: EventDetails,
): string | null {
  switch (type) {
    case T.PENALTY_ART38:
      return B.art38;
    case T.PENALTY_ART39:
      return B.art39;
    case T.PENALTY_ART40:
      return B.art40;
    case T.INSURED_VIOLATION:
    case T.INSURED_FRAUD:
      return B.art41;
    case T.INVESTIGATION_HOLD:
      return B.art30;
    case T.POLICE_REFERRAL_CONFIRMED:
      return B.policeReferral;
    case T.PENALTY_NOT_PERFORMED:
      return B.penaltyNotPerformed;
    case T.CREDIT_COMMITMENT:
    case T.COMMENDATION:
      return null;
    default:
      if (subjectType === SubjectType.PRACTITIONER) return B.practitionerPoints;
      return agreementBasis(rng, subjectType, type, details);
  }
}

function agreementBasis(rng: Prng, subjectType: SubjectType, type: EventType, details: EventDetails): string {
  const pharmacy = subjectType === SubjectType.PHARMACY;
  if (type === T.AGREEMENT_TERMINATED) return pharmacy ? B.pharmacyDesignation : B.institutionTermination;
  if (type === T.AGREEMENT_SUSPENDED) {
    // A suspension of 6 months or more may be the Art.38 measure rather than the agreement's 中止.
    if ((details.suspensionDays ?? 0) >= ART38_SUSPENSION_MIN_DAYS && rng.chance(0.5)) return B.art38;
    return pharmacy ? B.pharmacyDesignation : B.institutionSuspension;
  }
  // An interview 约谈 is also a measure of Art.38/39 (责令改正, 约谈有关负责人).
  if (type === T.INTERVIEW && rng.chance(0.5)) return rng.chance(0.5) ? B.art38 : B.art39;
  return pharmacy ? B.pharmacyAgreement : B.institutionAgreement;
}
