import { ListKind, ListSeverity } from '@app/credit';
import { registerEnumType } from '@nestjs/graphql';
import { ListChangeOp } from '../entries/list-change.entity';
import { ListEntryStatus, RemovalReason } from '../entries/list-entry.entity';
import { ObjectionStatus } from '../entries/list-objection.entity';
import { RepairStatus } from '../repair/repair-application.entity';

// The lists' vocabulary (domain.md §5) as GraphQL enums.
registerEnumType(ListKind, { name: 'ListKind' });
registerEnumType(ListSeverity, { name: 'ListSeverity' });
registerEnumType(ListEntryStatus, { name: 'ListEntryStatus' });
registerEnumType(RemovalReason, { name: 'RemovalReason' });
registerEnumType(ListChangeOp, { name: 'ListChangeOp' });
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });
registerEnumType(RepairStatus, { name: 'CreditRepairStatus' });

export { ListChangeOp, ListEntryStatus, ListKind, ListSeverity, ObjectionStatus, RemovalReason, RepairStatus };
