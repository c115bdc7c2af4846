import { MigrationInterface, QueryRunner } from 'typeorm';

/** The items' mutable facts: the decision each rests on, and its withdrawal (撤回公告). */
export class CreateDisclosureItems1796410049382 implements MigrationInterface {
  name = 'CreateDisclosureItems1796410049382';

  public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`disclosure_items\` (
                \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
                \`disclosure_id\` bigint UNSIGNED NOT NULL,
                \`item_key\` varchar(40) NOT NULL,
                \`event_id\` bigint UNSIGNED NULL,
                \`publication_end\` date NOT NULL,
                \`withdrawn_on\` date NULL,
                \`withdrawal_reason\` varchar(500) NULL,
                INDEX \`ix_disclosure_items_event\` (\`event_id\`),
                INDEX \`ix_disclosure_items_item_key\` (\`item_key\`),
                UNIQUE INDEX \`uq_disclosure_items_key\` (\`disclosure_id\`, \`item_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `disclosure_items`');
  }
}
