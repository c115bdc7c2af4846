import { DemoDataSet, DemoOptions } from './demo-data-set';
import { Prng } from './random/prng';
import { DateWindow } from './generate/date-window';
import { demoSizes } from './generate/demo-sizes';
import { EventDrafts } from './generate/event-drafts';
import { generateInsuredEvents } from './generate/generate-insured-events';
import { generateInsuredPersons } from './generate/generate-insured-persons';
import { generateOrganisationEvents } from './generate/generate-organisation-events';
import { generateOrganisations } from './generate/generate-organisations';
import { generatePractitionerEvents } from './generate/generate-practitioner-events';
import { generatePractitioners } from './generate/generate-practitioners';
import { ResidentIdFactory } from './generate/resident-id-factory';
import { resolveOptions } from './generate/resolve-options';

// One random stream per part, so that a change in how one part draws leaves the others' output as it was.
const STREAMS = {
  organisations: 1,
  practitioners: 2,
  insuredPersons: 3,
  organisationEvents: 4,
  practitionerEvents: 5,
  insuredEvents: 6,
} as const;

/**
 * A realistic, deterministic demo data set: the same options always give byte-identical output. Pure: no
 * I/O, no clock (today is an input), no Math.random. Every item passes validateSubjectItem and
 * validateEventItem for `today`. O(n) in the size; scale 100 (300,000 events) takes a few seconds.
 */
export function generateDemoData(options: DemoOptions): DemoDataSet {
  const { seed, scale, today, years } = resolveOptions(options);
  const sizes = demoSizes(scale);
  const window = new DateWindow(today, years);
  const stream = (part: keyof typeof STREAMS): Prng => new Prng(seed, STREAMS[part]);
  // Practitioners and insured persons share one ID space: a resident ID names one person.
  const residentIds = new ResidentIdFactory();

  const organisations = generateOrganisations(stream('organisations'), window, sizes);
  const practitioners = generatePractitioners(stream('practitioners'), {
    window,
    count: sizes.practitioners,
    organisations,
    residentIds,
  });
  const insured = generateInsuredPersons(stream('insuredPersons'), window, sizes.insuredPersons, residentIds);

  const drafts = new EventDrafts(window);
  generateOrganisationEvents(stream('organisationEvents'), window, organisations, sizes.organisationEvents, drafts);
  generatePractitionerEvents(stream('practitionerEvents'), window, practitioners, sizes.practitionerEvents, drafts);
  generateInsuredEvents(stream('insuredEvents'), window, insured, sizes.insuredEvents, drafts);

  return {
    organisations: organisations.map((o) => o.item),
    practitioners: practitioners.map((p) => p.item),
    insuredPersons: insured.map((p) => p.item),
    events: drafts.finish(),
  };
}
