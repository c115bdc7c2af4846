import { DateScalar } from '@app/common/graphql';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RuleSetPreviewStatus } from '../rule-sets/rule-set-preview.entity';

registerEnumType(RuleSetPreviewStatus, {
  name: 'RuleSetPreviewStatus',
  description: 'DONE when answered inside the request; a queued preview goes QUEUED → RUNNING → DONE (or FAILED).',
});

@ObjectType('GradeChangePreview')
export class GradeChangePreviewNode {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => String, { nullable: true })
  creditCode!: string | null;

  @Field(() => String, { description: 'Grade, or a practitioner status.' })
  fromGrade!: string;

  @Field(() => String)
  toGrade!: string;

  @Field(() => Int)
  fromScore!: number;

  @Field(() => Int)
  toScore!: number;
}

@ObjectType('RuleSetPreview', {
  description:
    'The grade changes a rule set would cause on its effective date, against the rules otherwise in force. Answered ' +
    'inside the request (`inline`, status DONE, no id) up to RULE_SET_PREVIEW_INLINE_MAX subjects of the type; ' +
    'above that it is QUEUED for the worker: poll `ruleSetPreview(id)` until DONE or FAILED.',
})
export class RuleSetPreviewNode {
  @Field(() => ID, { nullable: true, description: 'The queued preview to poll; null when answered inline (nothing stored).' })
  id!: string | null;

  @Field(() => RuleSetPreviewStatus)
  status!: RuleSetPreviewStatus;

  @Field(() => Boolean, { description: 'Answered inside the request (complete), rather than queued for the worker.' })
  inline!: boolean;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Subjects of the type when the preview was asked for.' })
  subjectsTotal!: number;

  @Field(() => Int, { description: 'Subjects compared so far (all of them once DONE).' })
  subjectsCompared!: number;

  @Field(() => Int, { description: 'How many subjects would change grade (or status), among those compared so far.' })
  gradeChanges!: number;

  @Field(() => [GradeChangePreviewNode], {
    description: 'Which: the first `first` of them, in subject order (a queued preview keeps at most 1,000).',
  })
  changes!: GradeChangePreviewNode[];

  @Field(() => String, { nullable: true, description: 'Why a FAILED preview failed.' })
  error!: string | null;

  @Field(() => Date, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
