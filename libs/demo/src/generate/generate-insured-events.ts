import { SubjectType } from '@app/credit';
import { Prng } from '../random/prng';
import { ZipfSampler } from '../random/zipf-sampler';
import { ActivityProfile, spreadEvents } from './activity';
import { DateWindow } from './date-window';
import { eventDetails } from './event-details';
import { EventDrafts } from './event-drafts';
import { EVENT_TYPE_MIXES } from './event-type-mixes';
import { legalBasisFor } from './legal-basis-for';
import { openCase } from './open-case';
import { PersonProfile } from './person-profile';

// Most insured persons never have an event (domain.md §1); a few repeat offenders have several.
const ACTIVITY: ActivityProfile = { activeShare: 0.3, weights: new ZipfSampler(8, 1.8) };

/** `budget` events on insured persons old enough to have them (14 and over). */
export function generateInsuredEvents(
  rng: Prng,
  window: DateWindow,
  persons: readonly PersonProfile[],
  budget: number,
  drafts: EventDrafts,
): void {
  const counts = spreadEvents(rng, persons.length, budget, ACTIVITY, (i) => persons[i].floorDay <= window.todayDay);
  for (let i = 0; i < persons.length; i++) {
    for (let e = 0; e < counts[i]; e++) addEvent(rng, window, persons[i], drafts);
  }
}

function addEvent(rng: Prng, window: DateWindow, person: PersonProfile, drafts: EventDrafts): void {
  const type = EVENT_TYPE_MIXES.insured.pick(rng);
  const caseFile = openCase(rng, window, { prefecture: person.prefecture, type, floorDay: person.floorDay });
  const details = eventDetails(rng, SubjectType.INSURED_PERSON, type);
  drafts.add({
    keyField: 'residentId',
    key: person.residentId,
    type,
    caseFile,
    regionCode: person.regionCode,
    legalBasis: legalBasisFor(rng, SubjectType.INSURED_PERSON, type, details),
    details,
  });
}
