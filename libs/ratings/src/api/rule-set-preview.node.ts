import { DateScalar } from '@app/common/graphql';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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

@ObjectType('RuleSetPreview', { description: 'The grade changes a rule set would cause on its effective date, against the rules otherwise in force.' })
export class RuleSetPreviewNode {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => Int)
  subjectsCompared!: number;

  @Field(() => Int, { description: 'How many subjects would change grade (or status).' })
  gradeChanges!: number;

  @Field(() => [GradeChangePreviewNode], { description: 'Which: the first `first` of them, in subject order.' })
  changes!: GradeChangePreviewNode[];
}
