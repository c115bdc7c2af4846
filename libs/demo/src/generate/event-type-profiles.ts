import { EventType } from '@app/credit';
import { DecisionKind } from './case-file';

/** Which inspection-kind mix applies: none for recognitions, a heavier share of flight checks for fraud. */
export type InspectionMix = 'NONE' | 'ORDINARY' | 'SERIOUS' | 'INSURED';

/** How events of one type come about: what kind of decision, how long after the facts, which statuses. */
export interface EventTypeProfile {
  readonly kind: DecisionKind | null;
  /** Days from occurredOn to decidedOn. */
  readonly lagDays: readonly [number, number];
  /** May still be at the advance-notice stage 事先告知 (PROPOSED). */
  readonly proposable: boolean;
  /** May be under administrative review or litigation (UNDER_APPEAL). */
  readonly appealable: boolean;
  /** Can be found and refunded in 自查自纠 before an inspection. */
  readonly selfReportable: boolean;
  readonly inspection: InspectionMix;
}

const profile = (
  kind: DecisionKind | null,
  lagDays: readonly [number, number],
  flags: Partial<Omit<EventTypeProfile, 'kind' | 'lagDays'>> = {},
): EventTypeProfile => ({
  kind,
  lagDays,
  proposable: false,
  appealable: false,
  selfReportable: false,
  inspection: 'NONE',
  ...flags,
});

const penalty = { proposable: true, appealable: true, inspection: 'ORDINARY' } as const;
const fraud = { proposable: true, appealable: true, inspection: 'SERIOUS' } as const;
const agreementFinding = { selfReportable: true, inspection: 'ORDINARY' } as const;

export const EVENT_TYPE_PROFILES: Readonly<Record<EventType, EventTypeProfile>> = {
  [EventType.INTERVIEW]: profile('协', [0, 30], agreementFinding),
  [EventType.PAYMENT_DENIED]: profile('协', [15, 120], { ...agreementFinding, proposable: true }),
  [EventType.BREACH_FEE]: profile('协', [15, 120], { ...agreementFinding, proposable: true }),
  [EventType.PENALTY_ART39]: profile('罚', [30, 180], penalty),
  [EventType.PENALTY_ART38]: profile('罚', [30, 240], { ...penalty, selfReportable: true }),
  [EventType.AGREEMENT_SUSPENDED]: profile('协', [30, 180], penalty),
  [EventType.PENALTY_ART40]: profile('罚', [60, 365], fraud),
  [EventType.AGREEMENT_TERMINATED]: profile('协', [60, 365], fraud),
  [EventType.POLICE_REFERRAL_CONFIRMED]: profile('移', [60, 365], { inspection: 'SERIOUS' }),
  [EventType.ANNUAL_ASSESSMENT]: profile('考', [10, 45]),
  [EventType.CREDIT_COMMITMENT]: profile(null, [0, 0]),
  [EventType.COMMENDATION]: profile('表', [0, 90]),
  [EventType.INVESTIGATION_HOLD]: profile('稽', [0, 30], { inspection: 'SERIOUS' }),
  [EventType.IMPERSONATED_SETTLEMENT]: profile('记', [30, 180], penalty),
  [EventType.LICENCE_REVOKED]: profile('记', [30, 180], penalty),
  [EventType.REPAIR_ACTIVITY]: profile(null, [0, 30]),
  [EventType.INSURED_VIOLATION]: profile('罚', [15, 180], { ...penalty, inspection: 'INSURED' }),
  [EventType.INSURED_FRAUD]: profile('罚', [60, 365], { ...penalty, inspection: 'INSURED' }),
  // Found after the payment deadline of a penalty (15 days, 行政处罚法 Art.67) has passed.
  [EventType.PENALTY_NOT_PERFORMED]: profile('罚', [15, 90], { appealable: true }),
};
