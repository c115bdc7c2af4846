import { EventStatus, EventType, InspectionKind } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { CaseFile } from './case-file';
import { DateWindow } from './date-window';
import { EVENT_TYPE_PROFILES, EventTypeProfile, InspectionMix } from './event-type-profiles';

// An advance notice 事先告知 is answered within weeks, so only recent decisions can still be PROPOSED.
const PROPOSED_WITHIN_DAYS = 45;
const PROPOSED_SHARE = 0.4;
// Review 复议 is applied for within weeks of a decision and decided within months.
const APPEAL_FROM_DAYS = 15;
const APPEAL_WITHIN_DAYS = 365;
const APPEAL_SHARE = 0.08;
const SELF_REPORTED_SHARE = 0.1;

const K = InspectionKind;
const MIXES: Readonly<Record<Exclude<InspectionMix, 'NONE'>, WeightedChoice<InspectionKind>>> = {
  ORDINARY: new WeightedChoice([[K.ROUTINE, 45], [K.SPECIAL, 20], [K.FLIGHT, 12], [K.REPORT, 13], [K.CROSS, 10]]),
  SERIOUS: new WeightedChoice([[K.FLIGHT, 30], [K.REPORT, 30], [K.SPECIAL, 20], [K.ROUTINE, 10], [K.CROSS, 10]]),
  INSURED: new WeightedChoice([[K.ROUTINE, 40], [K.REPORT, 35], [K.SPECIAL, 15], [K.CROSS, 10]]),
};

export interface CaseRequest {
  readonly prefecture: Prefecture;
  readonly type: EventType;
  /** Neither date may fall before this day (the subject's agreement date or 18th birthday, say). */
  readonly floorDay: number;
}

/** A new decision with its dates, status and inspection drawn to fit the event type. */
export function openCase(rng: Prng, window: DateWindow, request: CaseRequest): CaseFile {
  const profile = EVENT_TYPE_PROFILES[request.type];
  const floorDay = Math.min(Math.max(request.floorDay, window.startDay), window.todayDay);
  // The lag first, then the decision: clamping the facts to the floor instead would pile events up on it.
  const room = window.todayDay - floorDay;
  const drawn = rng.int(profile.lagDays[0], profile.lagDays[1]);
  const lag = drawn <= room ? drawn : rng.int(0, room);
  const decidedDay = rng.int(Math.min(floorDay + lag, window.todayDay), window.todayDay);
  const occurredDay = decidedDay - lag;
  const selfReported = profile.selfReportable && rng.chance(SELF_REPORTED_SHARE);
  return {
    prefecture: request.prefecture,
    type: request.type,
    kind: profile.kind,
    occurredDay,
    decidedDay,
    status: caseStatus(rng, profile, window.todayDay - decidedDay),
    // Self-reported findings come from the institution's own check, often in a special campaign 专项.
    inspectionKind: selfReported ? (rng.chance(0.5) ? K.SPECIAL : null) : inspectionKind(rng, profile),
    selfReported,
    decisionNo: null,
  };
}

function caseStatus(rng: Prng, profile: EventTypeProfile, ageDays: number): EventStatus {
  if (profile.proposable && ageDays <= PROPOSED_WITHIN_DAYS && rng.chance(PROPOSED_SHARE)) return EventStatus.PROPOSED;
  const appealAge = ageDays >= APPEAL_FROM_DAYS && ageDays <= APPEAL_WITHIN_DAYS;
  if (profile.appealable && appealAge && rng.chance(APPEAL_SHARE)) return EventStatus.UNDER_APPEAL;
  return EventStatus.FINAL;
}

function inspectionKind(rng: Prng, profile: EventTypeProfile): InspectionKind | null {
  return profile.inspection === 'NONE' ? null : MIXES[profile.inspection].pick(rng);
}
