import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRuleSets1795453724390 implements MigrationInterface {
  name = 'CreateRuleSets1795453724390';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`rule_sets\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`subject_type\` varchar(24) NOT NULL,
        \`version\` int UNSIGNED NOT NULL,
        \`effective_from\` date NOT NULL,
        \`body\` json NOT NULL,
        \`published_at\` datetime(3) NOT NULL,
        \`published_by\` varchar(100) NOT NULL,
        UNIQUE INDEX \`uq_rule_sets_version\` (\`subject_type\`, \`version\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rule_sets\``);
  }
}
