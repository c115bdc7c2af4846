import { MigrationInterface, QueryRunner } from 'typeorm';

/** The national-platform export's state: one row per decision, its current 双公示 record. */
export class CreatePenaltyExports1796408026241 implements MigrationInterface {
  name = 'CreatePenaltyExports1796408026241';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`penalty_exports\` (
        \`event_id\` bigint UNSIGNED NOT NULL,
        \`record_id\` varchar(16) NOT NULL,
        \`subject_id\` bigint UNSIGNED NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`withdrawal_reason\` varchar(16) NULL,
        \`publication_end\` date NULL,
        \`record\` json NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        INDEX \`ix_penalty_exports_publication_end\` (\`status\`, \`publication_end\`),
        INDEX \`ix_penalty_exports_subject\` (\`subject_id\`),
        INDEX \`ix_penalty_exports_status\` (\`status\`, \`record_id\`),
        UNIQUE INDEX \`uq_penalty_exports_record_id\` (\`record_id\`),
        PRIMARY KEY (\`event_id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `penalty_exports`');
  }
}
