import { EventType } from '@app/credit';
import { Prng } from '../random/prng';
import { ZipfSampler } from '../random/zipf-sampler';
import { ActivityProfile, spreadEvents } from './activity';
import { addAnnualAssessments } from './annual-assessments';
import { CaseFile } from './case-file';
import { DateWindow } from './date-window';
import { eventDetails } from './event-details';
import { EventDrafts } from './event-drafts';
import { EVENT_TYPE_MIXES } from './event-type-mixes';
import { legalBasisFor } from './legal-basis-for';
import { openCase } from './open-case';
import { OrganisationProfile } from './organisation-profile';

const T = EventType;
// About a fifth of organisation events are annual assessments.
const ASSESSMENT_SHARE = 0.2;
// Tuned so that the median organisation has about 3 events and the top 5% hold about a third of them.
const ACTIVITY: ActivityProfile = { activeShare: 0.75, weights: new ZipfSampler(80, 1.3) };
// Penalties practitioners can be held responsible in (domain.md §4, tiers 2 and 4).
const PRACTITIONER_LINKABLE: ReadonlySet<EventType> = new Set([T.PENALTY_ART38, T.PENALTY_ART39, T.PENALTY_ART40]);

/**
 * `budget` events on organisations: the annual assessments, then cases drawn from the type mix, spread
 * over the organisations with a skewed activity. One case can yield several events under one decision number.
 */
export function generateOrganisationEvents(
  rng: Prng,
  window: DateWindow,
  organisations: readonly OrganisationProfile[],
  budget: number,
  drafts: EventDrafts,
): void {
  const assessed = addAnnualAssessments(rng, window, organisations, Math.round(budget * ASSESSMENT_SHARE), drafts);
  const counts = spreadEvents(rng, organisations.length, budget - assessed, ACTIVITY);
  for (let i = 0; i < organisations.length; i++) addCases(rng, window, organisations[i], counts[i], drafts);
}

function addCases(rng: Prng, window: DateWindow, org: OrganisationProfile, count: number, drafts: EventDrafts): void {
  let left = count;
  while (left > 0) {
    const type = EVENT_TYPE_MIXES.organisation.pick(rng);
    const caseFile = openCase(rng, window, { prefecture: org.prefecture, type, floorDay: org.floorDay });
    if (PRACTITIONER_LINKABLE.has(type)) org.penaltyCases.push(caseFile);
    for (const eventType of [type, ...companions(rng, type)]) {
      if (left === 0) break;
      addEvent(rng, org, eventType, caseFile, drafts);
      left--;
    }
  }
}

/**
 * Further measures under the same decision: a penalty usually comes with recovery of the money 追回 and
 * often an interview; a recovery can cover several indicators, which count once (domain.md §2, same decision
 * number and type).
 */
function companions(rng: Prng, type: EventType): EventType[] {
  const result: EventType[] = [];
  if (type === T.PENALTY_ART38 || type === T.PENALTY_ART40) {
    if (rng.chance(0.35)) result.push(T.PAYMENT_DENIED);
    if (rng.chance(0.15)) result.push(T.INTERVIEW);
  } else if (type === T.PENALTY_ART39) {
    if (rng.chance(0.2)) result.push(T.INTERVIEW);
  } else if (type === T.PAYMENT_DENIED && rng.chance(0.12)) {
    result.push(T.PAYMENT_DENIED);
  }
  return result;
}

function addEvent(rng: Prng, org: OrganisationProfile, type: EventType, caseFile: CaseFile, drafts: EventDrafts): void {
  const details = eventDetails(rng, org.type, type);
  drafts.add({
    keyField: 'creditCode',
    key: org.creditCode,
    type,
    caseFile,
    regionCode: org.regionCode,
    legalBasis: legalBasisFor(rng, org.type, type, details),
    details,
  });
}
