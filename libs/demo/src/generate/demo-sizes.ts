/** How many of each thing a data set holds. Everything scales linearly with `scale`. */
export interface DemoSizes {
  institutions: number;
  pharmacies: number;
  practitioners: number;
  insuredPersons: number;
  organisationEvents: number;
  practitionerEvents: number;
  insuredEvents: number;
}

// At scale 1: 200 organisations, 400 practitioners, 600 insured persons, 3,000 events.
const ORGANISATIONS = 200;
const INSTITUTION_SHARE = 0.6;
const PRACTITIONERS = 400;
const INSURED_PERSONS = 600;
const EVENTS = 3000;
// Most supervision work is on organisations; insured persons are the long tail that rarely has a record.
const ORGANISATION_EVENT_SHARE = 0.55;
const PRACTITIONER_EVENT_SHARE = 0.3;

export function demoSizes(scale: number): DemoSizes {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError('scale must be a finite number > 0');
  // At least one of each subject kind, so that a tiny scale still exercises every code path.
  const organisations = Math.max(2, Math.round(ORGANISATIONS * scale));
  const institutions = Math.max(1, Math.round(organisations * INSTITUTION_SHARE));
  const events = Math.round(EVENTS * scale);
  const organisationEvents = Math.round(events * ORGANISATION_EVENT_SHARE);
  const practitionerEvents = Math.round(events * PRACTITIONER_EVENT_SHARE);
  return {
    institutions,
    pharmacies: organisations - institutions,
    practitioners: Math.max(1, Math.round(PRACTITIONERS * scale)),
    insuredPersons: Math.max(1, Math.round(INSURED_PERSONS * scale)),
    organisationEvents,
    practitionerEvents,
    insuredEvents: events - organisationEvents - practitionerEvents,
  };
}
