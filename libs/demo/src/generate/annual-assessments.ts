import { EventStatus, EventType, formatIsoDate, toDayNumber, yearOf } from '@app/credit';
import { Prefecture } from '../catalogue/prefectures';
import { Prng } from '../random/prng';
import { CaseFile } from './case-file';
import { DateWindow } from './date-window';
import { eventDetails } from './event-details';
import { EVENT_TYPE_PROFILES } from './event-type-profiles';
import { EventDrafts } from './event-drafts';
import { legalBasisFor } from './legal-basis-for';
import { OrganisationProfile } from './organisation-profile';

const MAX_CHANCE = 0.8;
// Results for the past year are announced in the first quarter.
const NOTICE_FROM = [1, 10] as const;
const NOTICE_TO = [3, 31] as const;
const YEAR_IN_DAYS = 365;

/**
 * Annual assessments 年度考核: each city announces the results once a year in one notice, so all of a year's
 * assessments in a city share its date and decision number. An organisation is in a notice when its
 * agreement is at least a year old and it was drawn (about `target` assessments in all). Returns how many.
 */
export function addAnnualAssessments(
  rng: Prng,
  window: DateWindow,
  organisations: readonly OrganisationProfile[],
  target: number,
  drafts: EventDrafts,
): number {
  const notices = noticesByPrefecture(rng, window, organisations);
  const slots = organisations.reduce((sum, o) => sum + (notices.get(o.prefecture)?.length ?? 0), 0);
  const chance = slots === 0 ? 0 : Math.min(MAX_CHANCE, target / slots);
  let added = 0;
  for (const org of organisations) {
    for (const notice of notices.get(org.prefecture) ?? []) {
      if (org.signedDay > notice.decidedDay - YEAR_IN_DAYS || !rng.chance(chance)) continue;
      const details = eventDetails(rng, org.type, EventType.ANNUAL_ASSESSMENT);
      drafts.add({
        keyField: 'creditCode',
        key: org.creditCode,
        type: EventType.ANNUAL_ASSESSMENT,
        caseFile: notice,
        regionCode: org.regionCode,
        legalBasis: legalBasisFor(rng, org.type, EventType.ANNUAL_ASSESSMENT, details),
        details,
      });
      added++;
    }
  }
  return added;
}

// Only the cities that have organisations, in the order they first appear: the output must not depend on
// anything but the generated data.
function noticesByPrefecture(
  rng: Prng,
  window: DateWindow,
  organisations: readonly OrganisationProfile[],
): Map<Prefecture, CaseFile[]> {
  const notices = new Map<Prefecture, CaseFile[]>();
  for (const { prefecture } of organisations) {
    if (!notices.has(prefecture)) notices.set(prefecture, yearlyNotices(rng, window, prefecture));
  }
  return notices;
}

function yearlyNotices(rng: Prng, window: DateWindow, prefecture: Prefecture): CaseFile[] {
  const result: CaseFile[] = [];
  for (let year = yearOf(window.iso(window.startDay)); year <= yearOf(window.today); year++) {
    const from = Math.max(window.startDay, toDayNumber(formatIsoDate(year, ...NOTICE_FROM)));
    const to = Math.min(window.todayDay, toDayNumber(formatIsoDate(year, ...NOTICE_TO)));
    if (from > to) continue;
    const decidedDay = rng.int(from, to);
    const [minLag, maxLag] = EVENT_TYPE_PROFILES[EventType.ANNUAL_ASSESSMENT].lagDays;
    result.push({
      prefecture,
      type: EventType.ANNUAL_ASSESSMENT,
      kind: '考',
      occurredDay: Math.max(window.startDay, decidedDay - rng.int(minLag, maxLag)),
      decidedDay,
      status: EventStatus.FINAL,
      inspectionKind: null,
      selfReported: false,
      decisionNo: null,
    });
  }
  return result;
}
