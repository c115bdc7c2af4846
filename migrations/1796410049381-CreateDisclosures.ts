import { MigrationInterface, QueryRunner } from 'typeorm';

/** Disclosure versions (domain.md §6): immutable content, one PUBLISHED per kind, period and region. */
export class CreateDisclosures1796410049381 implements MigrationInterface {
  name = 'CreateDisclosures1796410049381';

  public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`disclosures\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`kind\` varchar(32) NOT NULL,
                \`period\` varchar(8) NOT NULL,
                \`region_code\` varchar(6) NOT NULL DEFAULT '',
                \`version\` int UNSIGNED NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`content\` json NOT NULL,
                \`content_hash\` char(64) NOT NULL,
                \`audit_head\` varchar(90) NOT NULL,
                \`item_count\` int UNSIGNED NOT NULL,
                \`publication_end\` date NOT NULL,
                \`created_at\` datetime(3) NOT NULL,
                \`created_by\` varchar(100) NOT NULL,
                \`published_at\` datetime(3) NULL,
                \`published_key\` varchar(64) NULL,
                \`withdrawn_at\` datetime(3) NULL,
                \`withdrawal_reason\` varchar(500) NULL,
                \`correction_note\` varchar(500) NULL,
                \`state_rev\` int UNSIGNED NOT NULL DEFAULT '0',
                INDEX \`ix_disclosures_status_published\` (\`status\`, \`published_at\`, \`id\`),
                UNIQUE INDEX \`uq_disclosures_published_key\` (\`published_key\`),
                UNIQUE INDEX \`uq_disclosures_version\` (\`kind\`, \`period\`, \`region_code\`, \`version\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `disclosures`');
  }
}
