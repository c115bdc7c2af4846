import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1795446874470 implements MigrationInterface {
  name = 'CreateApiKeys1795446874470';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`api_keys\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`name\` varchar(100) NOT NULL,
        \`role\` varchar(16) NOT NULL,
        \`prefix\` char(11) NOT NULL,
        \`key_hash\` char(64) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`revoked_at\` datetime(3) NULL,
        \`last_used_at\` datetime(3) NULL,
        UNIQUE INDEX \`uq_api_keys_key_hash\` (\`key_hash\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`api_keys\``);
  }
}
