import { MigrationInterface, QueryRunner } from 'typeorm';
export class CreateEmployments1795448327129 implements MigrationInterface {
  name = 'CreateEmployments1795448327129';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`employments\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`practitioner_id\` bigint UNSIGNED NOT NULL,
        \`institution_id\` bigint UNSIGNED NOT NULL,
        \`from_date\` date NOT NULL,
        \`to_date\` date NULL,
        INDEX \`ix_employments_institution\` (\`institution_id\`),
        INDEX \`ix_employments_practitioner\` (\`practitioner_id\`, \`from_date\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`employments\``);
  }
}
