// TEMPORARY stand-in until the list rules land (helper branch); replaced by the real implementation at merge.
import { CreditEvent, SubjectType } from '../model';
import { RuleSetBySubjectType } from '../rules';
import { ListMembership } from './list-membership';
export interface ListMembershipsInput {
  subjectType: SubjectType;
  ruleSetOn: <S extends SubjectType>(subjectType: S, day: string) => RuleSetBySubjectType[S];
  events: readonly CreditEvent[];
  asOf: string;
  subject: { agreementSignedOn: string | null };
}
export function listMemberships(_input: ListMembershipsInput): ListMembership[] {
  throw new Error('list rules not merged yet');
}
