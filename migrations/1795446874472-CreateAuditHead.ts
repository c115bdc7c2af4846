import { MigrationInterface, QueryRunner } from 'typeorm';

/** The chain head, starting at the genesis hash (64 zeros) with seq 0. */
export class CreateAuditHead1795446874472 implements MigrationInterface {
  name = 'CreateAuditHead1795446874472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`audit_head\` (
        \`id\` tinyint UNSIGNED NOT NULL,
        \`seq\` bigint UNSIGNED NOT NULL,
        \`hash\` char(64) NOT NULL,
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
    await queryRunner.query(`INSERT INTO \`audit_head\` (\`id\`, \`seq\`, \`hash\`) VALUES (1, 0, REPEAT('0', 64))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`audit_head\``);
  }
}
