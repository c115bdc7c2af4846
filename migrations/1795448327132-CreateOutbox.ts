import { MigrationInterface, QueryRunner } from 'typeorm';
export class CreateOutbox1795448327132 implements MigrationInterface {
  name = 'CreateOutbox1795448327132';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`outbox\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`topic\` varchar(32) NOT NULL,
        \`subject_id\` bigint UNSIGNED NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`delivered_at\` datetime(3) NULL,
        INDEX \`ix_outbox_pending\` (\`delivered_at\`, \`id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`outbox\``);
  }
}
