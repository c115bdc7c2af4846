import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1795446874471 implements MigrationInterface {
  name = 'CreateAuditLog1795446874471';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`audit_log\` (
        \`seq\` bigint UNSIGNED NOT NULL,
        \`at\` datetime(3) NOT NULL,
        \`actor\` varchar(128) NOT NULL,
        \`action\` varchar(64) NOT NULL,
        \`target_type\` varchar(32) NOT NULL,
        \`target_id\` varchar(64) NOT NULL,
        \`diff\` json NOT NULL,
        \`prev_hash\` char(64) NOT NULL,
        \`hash\` char(64) NOT NULL,
        INDEX \`idx_audit_target\` (\`target_type\`, \`target_id\`),
        PRIMARY KEY (\`seq\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
