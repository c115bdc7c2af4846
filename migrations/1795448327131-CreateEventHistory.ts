import { MigrationInterface, QueryRunner } from 'typeorm';
export class CreateEventHistory1795448327131 implements MigrationInterface {
  name = 'CreateEventHistory1795448327131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`event_history\` (
        \`event_id\` bigint UNSIGNED NOT NULL,
        \`version\` smallint UNSIGNED NOT NULL,
        \`superseded_at\` datetime(3) NOT NULL,
        \`subject_id\` bigint UNSIGNED NOT NULL,
        \`type\` varchar(32) NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`legal_basis\` varchar(128) NULL,
        \`decision_no\` varchar(128) NULL,
        \`authority\` varchar(128) NULL,
        \`region_code\` char(6) NULL,
        \`occurred_on\` date NOT NULL,
        \`decided_on\` date NOT NULL,
        \`amount_involved_fen\` bigint NULL,
        \`fine_fen\` bigint NULL,
        \`fine_multiple\` decimal(6, 3) NULL,
        \`suspension_days\` smallint UNSIGNED NULL,
        \`responsibility\` varchar(16) NULL,
        \`self_reported\` tinyint NOT NULL DEFAULT 0,
        \`inspection_kind\` varchar(16) NULL,
        \`assessment_result\` varchar(16) NULL,
        \`change_reason\` varchar(500) NULL,
        \`recorded_by\` varchar(100) NOT NULL,
        \`recorded_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`event_id\`, \`version\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`event_history\``);
  }
}
