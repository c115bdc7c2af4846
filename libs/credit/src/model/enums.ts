// The vocabulary of domain.md sections 1–4. These string values are part of the public API
// (GraphQL enums, CSV import, feeds), so they never change once released.

export enum SubjectType {
  MEDICAL_INSTITUTION = 'MEDICAL_INSTITUTION',
  PHARMACY = 'PHARMACY',
  PRACTITIONER = 'PRACTITIONER',
  INSURED_PERSON = 'INSURED_PERSON',
}

export enum Profession {
  PHYSICIAN = 'PHYSICIAN',
  NURSE = 'NURSE',
  PHARMACIST = 'PHARMACIST',
  TECHNICIAN = 'TECHNICIAN',
  BILLING_STAFF = 'BILLING_STAFF',
}

export enum EventType {
  INTERVIEW = 'INTERVIEW',
  PAYMENT_DENIED = 'PAYMENT_DENIED',
  BREACH_FEE = 'BREACH_FEE',
  PENALTY_ART39 = 'PENALTY_ART39',
  PENALTY_ART38 = 'PENALTY_ART38',
  AGREEMENT_SUSPENDED = 'AGREEMENT_SUSPENDED',
  PENALTY_ART40 = 'PENALTY_ART40',
  AGREEMENT_TERMINATED = 'AGREEMENT_TERMINATED',
  POLICE_REFERRAL_CONFIRMED = 'POLICE_REFERRAL_CONFIRMED',
  ANNUAL_ASSESSMENT = 'ANNUAL_ASSESSMENT',
  CREDIT_COMMITMENT = 'CREDIT_COMMITMENT',
  COMMENDATION = 'COMMENDATION',
  INVESTIGATION_HOLD = 'INVESTIGATION_HOLD',
  /**
   * 行政处罚决定未履行: a penalty decision (named by `decisionNo`) not carried out by its deadline. Recorded on
   * the penalised party (institution, pharmacy, insured person); it enters SEVERE_DISHONESTY (domain.md §5
   * "a penalty not carried out"). No score effect of its own: the severe list already makes the grade E (D for
   * insured persons) through `onSevereList`, and a deduction on top would punish the same fact twice.
   */
  PENALTY_NOT_PERFORMED = 'PENALTY_NOT_PERFORMED',
  // practitioners only (section 4)
  IMPERSONATED_SETTLEMENT = 'IMPERSONATED_SETTLEMENT',
  LICENCE_REVOKED = 'LICENCE_REVOKED',
  REPAIR_ACTIVITY = 'REPAIR_ACTIVITY',
  // insured persons only (section 3)
  INSURED_VIOLATION = 'INSURED_VIOLATION',
  INSURED_FRAUD = 'INSURED_FRAUD',
}

export enum EventStatus {
  PROPOSED = 'PROPOSED',
  FINAL = 'FINAL',
  UNDER_APPEAL = 'UNDER_APPEAL',
  REVOKED = 'REVOKED',
  AMENDED = 'AMENDED',
}

export enum Responsibility {
  GENERAL = 'GENERAL',
  IMPORTANT = 'IMPORTANT',
  MAIN = 'MAIN',
}

export enum InspectionKind {
  ROUTINE = 'ROUTINE',
  FLIGHT = 'FLIGHT',
  SPECIAL = 'SPECIAL',
  REPORT = 'REPORT',
  CROSS = 'CROSS',
}

export enum AssessmentResult {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}

export enum Grade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  NOT_RATED = 'NOT_RATED',
}

export enum PractitionerStatus {
  ACTIVE = 'ACTIVE',
  REMINDED = 'REMINDED',
  KEY_SUPERVISION = 'KEY_SUPERVISION',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}
