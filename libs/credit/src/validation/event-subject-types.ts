import { EventType, SubjectType } from '../model';

const ORGANISATION_EVENT_TYPES: readonly EventType[] = [
  EventType.INTERVIEW,
  EventType.PAYMENT_DENIED,
  EventType.BREACH_FEE,
  EventType.PENALTY_ART39,
  EventType.PENALTY_ART38,
  EventType.AGREEMENT_SUSPENDED,
  EventType.PENALTY_ART40,
  EventType.AGREEMENT_TERMINATED,
  EventType.POLICE_REFERRAL_CONFIRMED,
  EventType.ANNUAL_ASSESSMENT,
  EventType.CREDIT_COMMITMENT,
  EventType.COMMENDATION,
  EventType.INVESTIGATION_HOLD,
  EventType.PENALTY_NOT_PERFORMED,
];

/**
 * Which event types may be recorded on which subject type: the catalogue table of domain.md section 2 for
 * institutions and pharmacies, the tier table of section 4 for practitioners, section 3 for insured persons.
 */
export const EVENT_TYPES_BY_SUBJECT_TYPE: Readonly<Record<SubjectType, readonly EventType[]>> = {
  [SubjectType.MEDICAL_INSTITUTION]: ORGANISATION_EVENT_TYPES,
  [SubjectType.PHARMACY]: ORGANISATION_EVENT_TYPES,
  [SubjectType.PRACTITIONER]: [
    EventType.INTERVIEW,
    EventType.PAYMENT_DENIED,
    EventType.BREACH_FEE,
    EventType.PENALTY_ART38,
    EventType.PENALTY_ART39,
    EventType.PENALTY_ART40,
    EventType.IMPERSONATED_SETTLEMENT,
    EventType.LICENCE_REVOKED,
    EventType.REPAIR_ACTIVITY,
  ],
  // PENALTY_NOT_PERFORMED only on those fined in their own name (条例 Art.38–41): institutions, pharmacies and
  // insured persons. A practitioner's PENALTY_ART* is a copy of the institution's penalty for points; the
  // practitioner is not the one who has to pay it.
  [SubjectType.INSURED_PERSON]: [EventType.INSURED_VIOLATION, EventType.INSURED_FRAUD, EventType.PENALTY_NOT_PERFORMED],
};

export function isEventTypeAllowed(subjectType: SubjectType, type: EventType): boolean {
  return EVENT_TYPES_BY_SUBJECT_TYPE[subjectType].includes(type);
}
