import { EventType, Responsibility, SubjectType } from '@app/credit';
import { Prng } from '../random/prng';
import { WeightedChoice } from '../random/weighted-choice';
import { ZipfSampler } from '../random/zipf-sampler';
import { ActivityProfile, spreadEvents } from './activity';
import { CaseFile } from './case-file';
import { DateWindow } from './date-window';
import { eventDetails } from './event-details';
import { EventDrafts } from './event-drafts';
import { EVENT_TYPE_MIXES } from './event-type-mixes';
import { legalBasisFor } from './legal-basis-for';
import { openCase } from './open-case';
import { PersonProfile } from './person-profile';

const T = EventType;
const R = Responsibility;
const ACTIVITY: ActivityProfile = { activeShare: 0.55, weights: new ZipfSampler(20, 1.5) };
// Share of a practitioner's Art.38/39/40 events that belong to a penalty case of their own institution.
const LINK_SHARE = 0.75;
const SERIOUS: ReadonlySet<EventType> = new Set([T.PENALTY_ART40, T.IMPERSONATED_SETTLEMENT, T.LICENCE_REVOKED]);
const RESPONSIBILITIES = {
  ordinary: new WeightedChoice([[R.GENERAL, 50], [R.IMPORTANT, 30], [R.MAIN, 20]]),
  serious: new WeightedChoice([[R.IMPORTANT, 30], [R.MAIN, 70]]),
};

/** `budget` events on practitioners, spread with a skewed activity; each carries a responsibility. */
export function generatePractitionerEvents(
  rng: Prng,
  window: DateWindow,
  practitioners: readonly PersonProfile[],
  budget: number,
  drafts: EventDrafts,
): void {
  const counts = spreadEvents(rng, practitioners.length, budget, ACTIVITY);
  for (let i = 0; i < practitioners.length; i++) {
    for (let e = 0; e < counts[i]; e++) addEvent(rng, window, practitioners[i], drafts);
  }
}

function addEvent(rng: Prng, window: DateWindow, person: PersonProfile, drafts: EventDrafts): void {
  const type = EVENT_TYPE_MIXES.practitioner.pick(rng);
  // Where it happened: at the employer, whose city's bureau decides.
  const site = person.employer ?? person;
  const caseFile =
    linkedCase(rng, person, type) ??
    openCase(rng, window, { prefecture: site.prefecture, type, floorDay: person.floorDay });
  const details = eventDetails(rng, SubjectType.PRACTITIONER, type);
  drafts.add({
    keyField: 'residentId',
    key: person.residentId,
    type,
    caseFile,
    regionCode: site.regionCode,
    legalBasis: legalBasisFor(rng, SubjectType.PRACTITIONER, type, details),
    details,
    // A repair activity is not a finding, so nobody is responsible for it.
    ...(type === T.REPAIR_ACTIVITY ? {} : { responsibility: responsibility(rng, type) }),
  });
}

/** One of the employer's penalty cases of this type, if any: the person is one of those held responsible. */
function linkedCase(rng: Prng, person: PersonProfile, type: EventType): CaseFile | null {
  if (!person.employer || !rng.chance(LINK_SHARE)) return null;
  const candidates = person.employer.penaltyCases.filter((c) => c.type === type && c.occurredDay >= person.floorDay);
  return candidates.length > 0 ? rng.pick(candidates) : null;
}

function responsibility(rng: Prng, type: EventType): Responsibility {
  return (SERIOUS.has(type) ? RESPONSIBILITIES.serious : RESPONSIBILITIES.ordinary).pick(rng);
}
