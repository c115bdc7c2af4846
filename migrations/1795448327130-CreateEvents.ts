import { MigrationInterface, QueryRunner } from 'typeorm';
export class CreateEvents1795448327130 implements MigrationInterface {
  name = 'CreateEvents1795448327130';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`events\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`version\` smallint UNSIGNED NOT NULL,
        \`source_system\` varchar(64) NOT NULL,
        \`source_ref\` varchar(128) NOT NULL,
        \`input_hash\` char(64) NOT NULL,
        \`first_recorded_at\` datetime(3) NOT NULL,
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
        INDEX \`ix_events_subject\` (\`subject_id\`, \`decided_on\`),
        UNIQUE INDEX \`uq_events_source\` (\`source_system\`, \`source_ref\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`events\``);
  }
}
