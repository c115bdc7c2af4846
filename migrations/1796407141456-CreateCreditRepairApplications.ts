import { MigrationInterface, QueryRunner } from 'typeorm';

/** Credit-repair applications (信用修复) and their decisions. */
export class CreateCreditRepairApplications1796407141456 implements MigrationInterface {
  name = 'CreateCreditRepairApplications1796407141456';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`credit_repair_applications\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`entry_row_id\` bigint UNSIGNED NOT NULL,
        \`applied_on\` date NOT NULL,
        \`penalty_performed\` tinyint NOT NULL,
        \`money_returned\` tinyint NOT NULL,
        \`public_commitment\` tinyint NOT NULL,
        \`decision_deadline\` date NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`decision_reason\` varchar(500) NULL,
        \`decided_at\` datetime(3) NULL,
        \`decided_by\` varchar(100) NULL,
        \`recorded_by\` varchar(100) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        INDEX \`ix_credit_repair_entry\` (\`entry_row_id\`),
        INDEX \`ix_credit_repair_status_deadline\` (\`status\`, \`decision_deadline\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `credit_repair_applications`');
  }
}
