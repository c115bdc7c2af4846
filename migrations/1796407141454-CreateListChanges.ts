import { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-list change logs the feeds read: append-only, positions gap-free in commit order. */
export class CreateListChanges1796407141454 implements MigrationInterface {
  name = 'CreateListChanges1796407141454';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`list_changes\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`list\` varchar(24) NOT NULL,
        \`seq\` bigint UNSIGNED NOT NULL,
        \`op\` varchar(8) NOT NULL,
        \`entry_id\` varchar(24) NOT NULL,
        \`removal_reason\` varchar(32) NULL,
        \`entry\` json NOT NULL,
        \`audit_seq\` bigint UNSIGNED NOT NULL,
        \`audit_hash\` char(64) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        UNIQUE INDEX \`uq_list_changes_seq\` (\`list\`, \`seq\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `list_changes`');
  }
}
