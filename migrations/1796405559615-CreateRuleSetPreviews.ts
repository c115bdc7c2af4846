import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRuleSetPreviews1796405559615 implements MigrationInterface {
  name = 'CreateRuleSetPreviews1796405559615';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`rule_set_previews\` (
          \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
          \`status\` varchar(8) NOT NULL,
          \`subject_type\` varchar(24) NOT NULL,
          \`version\` int UNSIGNED NOT NULL,
          \`effective_from\` date NOT NULL,
          \`rule_set\` json NOT NULL,
          \`list_at_most\` int UNSIGNED NOT NULL,
          \`subjects_total\` int UNSIGNED NOT NULL,
          \`subjects_compared\` int UNSIGNED NOT NULL DEFAULT '0',
          \`grade_changes\` int UNSIGNED NOT NULL DEFAULT '0',
          \`changes\` json NOT NULL,
          \`last_subject_id\` bigint UNSIGNED NOT NULL DEFAULT '0',
          \`error\` varchar(500) NULL,
          \`requested_by\` varchar(100) NOT NULL,
          \`requested_at\` datetime(3) NOT NULL,
          \`started_at\` datetime(3) NULL,
          \`finished_at\` datetime(3) NULL,
          PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rule_set_previews\``);
  }
}
