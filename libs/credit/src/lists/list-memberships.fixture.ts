import { CreditEvent, EventType, SubjectType } from '../model';
import { DEFAULT_RULE_SETS, RuleSet, selectRuleSet } from '../rules';
import { anEvent } from '../scoring/credit-event.fixture';
import { ListMembership } from './list-membership';
import { listMemberships } from './list-memberships';

/** Test-only helpers for the list specs: not exported from the library. */

let nextId = 1;
/** A FINAL event with a numeric id (ids are BIGINTs in the store), unique per call. */
export function ev(type: EventType, decidedOn: string, overrides: Partial<CreditEvent> = {}): CreditEvent {
  return anEvent(type, decidedOn, { id: String(nextId++), ...overrides });
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A deep copy of a default rule set, changed by `edit`, as a region would publish it. */
export function editedRuleSet(subjectType: SubjectType, edit: (rs: Json) => void): RuleSet {
  const rs = JSON.parse(JSON.stringify(DEFAULT_RULE_SETS[subjectType])) as Json;
  edit(rs);
  return rs as RuleSet;
}

export function memberships(
  subjectType: SubjectType,
  events: CreditEvent[],
  asOf: string,
  options: { ruleSets?: RuleSet[]; agreementSignedOn?: string | null; onSevereList?: boolean } = {},
): ListMembership[] {
  const ruleSets = options.ruleSets ?? Object.values(DEFAULT_RULE_SETS);
  return listMemberships({
    subjectType,
    ruleSetOn: (type, day) => selectRuleSet(ruleSets, type, day)!,
    events,
    asOf,
    subject: { agreementSignedOn: options.agreementSignedOn === undefined ? '2015-01-01' : options.agreementSignedOn },
    onSevereList: options.onSevereList,
  });
}

/** `list:reasonCode` of each membership, in the order given: the shape most tests compare. */
export function reasons(ms: ListMembership[]): string[] {
  return ms.map((m) => `${m.list}:${m.reasonCode}`);
}
