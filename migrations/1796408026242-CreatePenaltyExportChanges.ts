import { MigrationInterface, QueryRunner } from 'typeorm';

/** The export's change log the penalty feed reads: positions gap-free in commit order. */
export class CreatePenaltyExportChanges1796408026242 implements MigrationInterface {
  name = 'CreatePenaltyExportChanges1796408026242';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`penalty_export_changes\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`seq\` bigint UNSIGNED NOT NULL,
        \`op\` varchar(8) NOT NULL,
        \`record_id\` varchar(16) NOT NULL,
        \`withdrawal_reason\` varchar(16) NULL,
        \`record\` json NOT NULL,
        \`audit_seq\` bigint UNSIGNED NOT NULL,
        \`audit_hash\` char(64) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        UNIQUE INDEX \`uq_penalty_export_changes_seq\` (\`seq\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `penalty_export_changes`');
  }
}
