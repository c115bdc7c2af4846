import { CreateApiKeys1795446874470 } from '../../../migrations/1795446874470-CreateApiKeys';
import { CreateAuditLog1795446874471 } from '../../../migrations/1795446874471-CreateAuditLog';
import { CreateAuditHead1795446874472 } from '../../../migrations/1795446874472-CreateAuditHead';
import { AuditLogAppendOnly1795446874473 } from '../../../migrations/1795446874473-AuditLogAppendOnly';
import { CreateSubjects1795448327128 } from '../../../migrations/1795448327128-CreateSubjects';
import { CreateEmployments1795448327129 } from '../../../migrations/1795448327129-CreateEmployments';
import { CreateEvents1795448327130 } from '../../../migrations/1795448327130-CreateEvents';
import { CreateEventHistory1795448327131 } from '../../../migrations/1795448327131-CreateEventHistory';
import { CreateOutbox1795448327132 } from '../../../migrations/1795448327132-CreateOutbox';
import { EventsNeverDeleted1795448327133 } from '../../../migrations/1795448327133-EventsNeverDeleted';
import { CreateRuleSets1795453724390 } from '../../../migrations/1795453724390-CreateRuleSets';
import { SeedDefaultRuleSets1795453724391 } from '../../../migrations/1795453724391-SeedDefaultRuleSets';
import { CreateRatings1795453940774 } from '../../../migrations/1795453940774-CreateRatings';
import { CreateRatingHistory1795453940775 } from '../../../migrations/1795453940775-CreateRatingHistory';
import { CreateRatingNotifications1795453940776 } from '../../../migrations/1795453940776-CreateRatingNotifications';
import { CreateFullRescoreRuns1795454197511 } from '../../../migrations/1795454197511-CreateFullRescoreRuns';
import { AddSubjectCategory1795457259676 } from '../../../migrations/1795457259676-AddSubjectCategory';
import { AddEventHistorySupersededAs1795457271704 } from '../../../migrations/1795457271704-AddEventHistorySupersededAs';
import { EventSourceKeyBinary1796405228382 } from '../../../migrations/1796405228382-EventSourceKeyBinary';
import { CreateStreamHeads1796405478150 } from '../../../migrations/1796405478150-CreateStreamHeads';
import { CreateRescoreDue1796405478151 } from '../../../migrations/1796405478151-CreateRescoreDue';
import { DropSubjectsRescoreDueSince1796405478152 } from '../../../migrations/1796405478152-DropSubjectsRescoreDueSince';
import { AddRatingHoldAndSuspension1796405478153 } from '../../../migrations/1796405478153-AddRatingHoldAndSuspension';
import { AddRatingHistorySeq1796405478154 } from '../../../migrations/1796405478154-AddRatingHistorySeq';
import { RatingHistorySeqUnique1796405478155 } from '../../../migrations/1796405478155-RatingHistorySeqUnique';
import { CreateRuleSetPreviews1796405559615 } from '../../../migrations/1796405559615-CreateRuleSetPreviews';
import { AddListRulesToRuleSets1796406912720 } from '../../../migrations/1796406912720-AddListRulesToRuleSets';
import { CreateListEntries1796407141453 } from '../../../migrations/1796407141453-CreateListEntries';
import { CreateListChanges1796407141454 } from '../../../migrations/1796407141454-CreateListChanges';
import { CreateListObjections1796407141455 } from '../../../migrations/1796407141455-CreateListObjections';
import { CreateCreditRepairApplications1796407141456 } from '../../../migrations/1796407141456-CreateCreditRepairApplications';
import { CreateListSnapshotStamps1796407141457 } from '../../../migrations/1796407141457-CreateListSnapshotStamps';
import { ListChangesAppendOnly1796407141458 } from '../../../migrations/1796407141458-ListChangesAppendOnly';
import { CreateWebhookSubscriptions1796408008768 } from '../../../migrations/1796408008768-CreateWebhookSubscriptions';
import { CreatePenaltyExports1796408026241 } from '../../../migrations/1796408026241-CreatePenaltyExports';
import { CreatePenaltyExportChanges1796408026242 } from '../../../migrations/1796408026242-CreatePenaltyExportChanges';
import { PenaltyExportChangesAppendOnly1796408026243 } from '../../../migrations/1796408026243-PenaltyExportChangesAppendOnly';
import { CreateDisclosures1796410049381 } from '../../../migrations/1796410049381-CreateDisclosures';
import { CreateDisclosureItems1796410049382 } from '../../../migrations/1796410049382-CreateDisclosureItems';
import { AddSubjectResidentIdKeys1796413406390 } from '../../../migrations/1796413406390-AddSubjectResidentIdKeys';
import { CompressDisclosureContent1796416092927 } from '../../../migrations/1796416092927-CompressDisclosureContent';
import { ClusterDisclosureItems1796420000000 } from '../../../migrations/1796420000000-ClusterDisclosureItems';
import { AddEventsSubjectTypeIndex1796424471688 } from '../../../migrations/1796424471688-AddEventsSubjectTypeIndex';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file to migrations/;
// add it here (a test fails when a file in migrations/ is missing from this list).
export const MIGRATIONS = [
  CreateApiKeys1795446874470,
  CreateAuditLog1795446874471,
  CreateAuditHead1795446874472,
  AuditLogAppendOnly1795446874473,
  CreateSubjects1795448327128,
  CreateEmployments1795448327129,
  CreateEvents1795448327130,
  CreateEventHistory1795448327131,
  CreateOutbox1795448327132,
  EventsNeverDeleted1795448327133,
  CreateRuleSets1795453724390,
  SeedDefaultRuleSets1795453724391,
  CreateRatings1795453940774,
  CreateRatingHistory1795453940775,
  CreateRatingNotifications1795453940776,
  CreateFullRescoreRuns1795454197511,
  AddSubjectCategory1795457259676,
  AddEventHistorySupersededAs1795457271704,
  EventSourceKeyBinary1796405228382,
  CreateStreamHeads1796405478150,
  CreateRescoreDue1796405478151,
  DropSubjectsRescoreDueSince1796405478152,
  AddRatingHoldAndSuspension1796405478153,
  AddRatingHistorySeq1796405478154,
  RatingHistorySeqUnique1796405478155,
  CreateRuleSetPreviews1796405559615,
  AddListRulesToRuleSets1796406912720,
  CreateListEntries1796407141453,
  CreateListChanges1796407141454,
  CreateListObjections1796407141455,
  CreateCreditRepairApplications1796407141456,
  CreateListSnapshotStamps1796407141457,
  ListChangesAppendOnly1796407141458,
  CreateWebhookSubscriptions1796408008768,
  CreatePenaltyExports1796408026241,
  CreatePenaltyExportChanges1796408026242,
  PenaltyExportChangesAppendOnly1796408026243,
  CreateDisclosures1796410049381,
  CreateDisclosureItems1796410049382,
  AddSubjectResidentIdKeys1796413406390,
  CompressDisclosureContent1796416092927,
  ClusterDisclosureItems1796420000000,
  AddEventsSubjectTypeIndex1796424471688,
];
