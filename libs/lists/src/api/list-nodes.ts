import { Connection, DateScalar } from '@app/common/graphql';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ListChangeOp, ListEntryStatus, ListKind, ListSeverity, ObjectionStatus, RemovalReason, RepairStatus } from './list-enums';

@ObjectType('ListFeedEntry', { description: 'An entry as the feeds show it (domain.md §5 feed contract).' })
export class ListFeedEntryNode {
  @Field(() => ID, { description: 'Immutable.' })
  entryId!: string;

  @Field(() => ListKind)
  list!: ListKind;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => String, { description: 'Organisations: the credit code. Persons: the keyed HMAC of the resident ID.' })
  subjectKey!: string;

  @Field(() => String, { nullable: true, description: 'Persons: first 6 + ******** + last 4.' })
  maskedId!: string | null;

  @Field(() => String, { nullable: true, description: 'Organisations only.' })
  subjectName!: string | null;

  @Field(() => String)
  reasonCode!: string;

  @Field(() => String, { nullable: true })
  legalBasis!: string | null;

  @Field(() => String, { nullable: true })
  decisionNo!: string | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Inclusive; null while open-ended.' })
  plannedEnd!: string | null;

  @Field(() => String, { description: 'ACTIVE or REMOVED.' })
  status!: string;
}

@ObjectType('ListChange')
export class ListChangeNode {
  @Field(() => Int, { description: 'Gap-free per list, in commit order.' })
  seq!: number;

  @Field(() => ListChangeOp)
  op!: ListChangeOp;

  @Field(() => RemovalReason, { nullable: true, description: 'On REMOVE.' })
  removalReason!: RemovalReason | null;

  @Field(() => ListFeedEntryNode, { description: 'The whole entry as it stands after the change.' })
  entry!: ListFeedEntryNode;

  @Field(() => String, { description: 'The audit chain head (seq:hash) the change was made at.' })
  auditHead!: string;
}

@ObjectType('ListObjection')
export class ListObjectionNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => ObjectionStatus)
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType('ListEntry', { description: 'An entry with its lifecycle, as regulators see it.' })
export class ListEntryNode extends ListFeedEntryNode {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => ListSeverity)
  severity!: ListSeverity;

  @Field(() => ListEntryStatus, { name: 'lifecycleStatus' })
  lifecycleStatus!: ListEntryStatus;

  @Field(() => ID, { nullable: true })
  eventId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  notifiedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the subject may object (10 working days).' })
  objectionDeadline!: string | null;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  removedAt!: Date | null;

  @Field(() => RemovalReason, { nullable: true })
  removalReason!: RemovalReason | null;
}

@ObjectType()
export class ListEntryConnection extends Connection(ListEntryNode) {}

@ObjectType('CreditRepairConditions', { description: 'Which conditions of credit repair hold today (发改委令第36号).' })
export class RepairConditionsNode {
  @Field(() => Boolean) minimumPeriodPassed!: boolean;
  @Field(() => Boolean) penaltyPerformed!: boolean;
  @Field(() => Boolean) moneyReturned!: boolean;
  @Field(() => Boolean) publicCommitment!: boolean;
  @Field(() => Boolean) noNewViolation!: boolean;
  @Field(() => Boolean) allHold!: boolean;
  @Field(() => DateScalar) eligibleFrom!: string;
}

@ObjectType('CreditRepairApplication')
export class RepairApplicationNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  appliedOn!: string;

  @Field(() => Boolean) penaltyPerformed!: boolean;
  @Field(() => Boolean) moneyReturned!: boolean;
  @Field(() => Boolean) publicCommitment!: boolean;

  @Field(() => DateScalar, { description: 'The decision is due by this day (15 working days).' })
  decisionDeadline!: string;

  @Field(() => RepairStatus)
  status!: RepairStatus;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType()
export class RepairApplicationConnection extends Connection(RepairApplicationNode) {}

@InputType('CreditRepairInput')
export class RepairApplicationInput {
  @Field(() => DateScalar)
  appliedOn!: string;

  @Field(() => Boolean, { description: 'The administrative penalty has been carried out.' })
  penaltyPerformed!: boolean;

  @Field(() => Boolean, { description: 'The money owed to the fund has been returned.' })
  moneyReturned!: boolean;

  @Field(() => Boolean, { description: 'A public credit commitment (信用承诺) has been made.' })
  publicCommitment!: boolean;
}
