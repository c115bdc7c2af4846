import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `lists` section (domain.md §5: SEVERE_DISHONESTY, GOOD_CONDUCT, KEY_SUPERVISION, publication periods,
 * repair) that every rule set carries since the list rules came to libs/credit. Rule sets stored before then
 * (the version 1 seed, and any version a region published since) lack it and would fail validateRuleSet, so the
 * version 1 defaults of each subject type are added to every stored rule set without one. The JSON is copied
 * here, not imported: a migration must write the same data forever, whatever later code says.
 */
const ORG_LISTS = "{\"severeDishonesty\":{\"entryEventTypes\":[\"PENALTY_ART40\",\"POLICE_REFERRAL_CONFIRMED\",\"PENALTY_NOT_PERFORMED\"],\"terminationForFraud\":{\"fraudEventTypes\":[\"PENALTY_ART40\"],\"withinDays\":180},\"publicationMonths\":36,\"repairMinimumMonths\":12,\"objectionWorkingDays\":10},\"goodConduct\":{\"consecutiveYears\":2,\"noPenaltyMonths\":24,\"penaltyEventTypes\":[\"PENALTY_ART39\",\"PENALTY_ART38\",\"AGREEMENT_SUSPENDED\",\"PENALTY_ART40\",\"AGREEMENT_TERMINATED\",\"POLICE_REFERRAL_CONFIRMED\",\"PENALTY_NOT_PERFORMED\"]},\"keySupervision\":{\"grades\":[\"D\",\"E\"]},\"general\":{\"publicationMonths\":12,\"repairMinimumMonths\":3},\"repair\":{\"decisionWorkingDays\":15,\"noNewViolationMonths\":6,\"violationEventTypes\":[\"INTERVIEW\",\"PAYMENT_DENIED\",\"BREACH_FEE\",\"PENALTY_ART39\",\"PENALTY_ART38\",\"AGREEMENT_SUSPENDED\",\"PENALTY_ART40\",\"AGREEMENT_TERMINATED\",\"POLICE_REFERRAL_CONFIRMED\",\"PENALTY_NOT_PERFORMED\"]}}";
const LISTS_BY_SUBJECT_TYPE: Record<string, string> = {
  MEDICAL_INSTITUTION: ORG_LISTS,
  PHARMACY: ORG_LISTS,
  PRACTITIONER: "{\"severeDishonesty\":{\"entryEventTypes\":[],\"terminationForFraud\":{\"fraudEventTypes\":[],\"withinDays\":180},\"publicationMonths\":36,\"repairMinimumMonths\":12,\"objectionWorkingDays\":10},\"goodConduct\":{\"consecutiveYears\":2,\"noPenaltyMonths\":24,\"penaltyEventTypes\":[\"PENALTY_ART38\",\"PENALTY_ART39\",\"PENALTY_ART40\",\"IMPERSONATED_SETTLEMENT\",\"LICENCE_REVOKED\"]},\"keySupervision\":{\"grades\":[\"D\",\"E\"]},\"general\":{\"publicationMonths\":12,\"repairMinimumMonths\":3},\"repair\":{\"decisionWorkingDays\":15,\"noNewViolationMonths\":6,\"violationEventTypes\":[\"INTERVIEW\",\"PAYMENT_DENIED\",\"BREACH_FEE\",\"PENALTY_ART38\",\"PENALTY_ART39\",\"PENALTY_ART40\",\"IMPERSONATED_SETTLEMENT\",\"LICENCE_REVOKED\"]}}",
  INSURED_PERSON: "{\"severeDishonesty\":{\"entryEventTypes\":[\"INSURED_FRAUD\",\"PENALTY_NOT_PERFORMED\"],\"terminationForFraud\":{\"fraudEventTypes\":[],\"withinDays\":180},\"publicationMonths\":36,\"repairMinimumMonths\":12,\"objectionWorkingDays\":10},\"goodConduct\":{\"consecutiveYears\":2,\"noPenaltyMonths\":24,\"penaltyEventTypes\":[\"INSURED_VIOLATION\",\"INSURED_FRAUD\",\"PENALTY_NOT_PERFORMED\"]},\"keySupervision\":{\"grades\":[\"D\"]},\"general\":{\"publicationMonths\":12,\"repairMinimumMonths\":3},\"repair\":{\"decisionWorkingDays\":15,\"noNewViolationMonths\":6,\"violationEventTypes\":[\"INSURED_VIOLATION\",\"INSURED_FRAUD\",\"PENALTY_NOT_PERFORMED\"]}}",
};

export class AddListRulesToRuleSets1796406912720 implements MigrationInterface {
  name = 'AddListRulesToRuleSets1796406912720';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [subjectType, lists] of Object.entries(LISTS_BY_SUBJECT_TYPE)) {
      // JSON_EXTRACT(?, '$') hands JSON_INSERT an object, not a string; JSON_INSERT never replaces a `lists` already there.
      await queryRunner.query(
        "UPDATE `rule_sets` SET body = JSON_INSERT(body, '$.lists', JSON_EXTRACT(?, '$')) WHERE subject_type = ? AND JSON_EXTRACT(body, '$.lists') IS NULL",
        [lists, subjectType],
      );
    }
  }

  /** Removes only what up() added: a `lists` equal to the defaults. A region's own list rules stay. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [subjectType, lists] of Object.entries(LISTS_BY_SUBJECT_TYPE)) {
      await queryRunner.query(
        "UPDATE `rule_sets` SET body = JSON_REMOVE(body, '$.lists') WHERE subject_type = ? AND JSON_EQUALS(JSON_EXTRACT(body, '$.lists'), ?) = 1",
        [subjectType, lists],
      );
    }
  }
}
