import { MigrationInterface, QueryRunner } from 'typeorm';

/** List entries with their lifecycle (domain.md §5): one row per subject, list and reason. */
export class CreateListEntries1796407141453 implements MigrationInterface {
  name = 'CreateListEntries1796407141453';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`list_entries\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`entry_id\` varchar(24) NULL,
        \`list\` varchar(24) NOT NULL,
        \`subject_id\` bigint UNSIGNED NOT NULL,
        \`subject_type\` varchar(24) NOT NULL,
        \`subject_key\` varchar(64) NOT NULL,
        \`masked_id\` char(18) NULL,
        \`subject_name\` varchar(200) NULL,
        \`reason_code\` varchar(48) NOT NULL,
        \`event_id\` bigint UNSIGNED NULL,
        \`legal_basis\` varchar(128) NULL,
        \`decision_no\` varchar(128) NULL,
        \`authority\` varchar(128) NULL,
        \`severity\` varchar(16) NOT NULL,
        \`effective_from\` date NOT NULL,
        \`planned_end\` date NULL,
        \`status\` varchar(16) NOT NULL,
        \`notified_on\` date NULL,
        \`objection_deadline\` date NULL,
        \`confirmed_at\` datetime(3) NULL,
        \`confirmed_by\` varchar(100) NULL,
        \`removed_at\` datetime(3) NULL,
        \`removal_reason\` varchar(32) NULL,
        \`open_key\` varchar(128) NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        UNIQUE INDEX \`uq_list_entries_entry_id\` (\`entry_id\`),
        UNIQUE INDEX \`uq_list_entries_open_key\` (\`open_key\`),
        INDEX \`ix_list_entries_subject\` (\`subject_id\`),
        INDEX \`ix_list_entries_list_status\` (\`list\`, \`status\`, \`entry_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `list_entries`');
  }
}
