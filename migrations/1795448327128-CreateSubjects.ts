import { MigrationInterface, QueryRunner } from 'typeorm';
/**
 * Rated subjects (domain.md §1). No foreign keys point here: the registry service keeps references whole,
 * and keyless tables move freely to a MySQL-compatible distributed database or between shards.
 */
export class CreateSubjects1795448327128 implements MigrationInterface {
  name = 'CreateSubjects1795448327128';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`subjects\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`type\` varchar(24) NOT NULL,
        \`name\` varchar(200) NULL,
        \`credit_code\` char(18) NULL,
        \`resident_id_hmac\` char(64) NULL,
        \`resident_id_enc\` varbinary(64) NULL,
        \`resident_id_masked\` char(18) NULL,
        \`profession\` varchar(16) NULL,
        \`profession_key\` varchar(16) NOT NULL DEFAULT '',
        \`region_code\` char(6) NULL,
        \`agreement_signed_on\` date NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`rescore_due_since\` datetime(3) NULL,
        \`event_revision\` int UNSIGNED NOT NULL DEFAULT '0',
        INDEX \`ix_subjects_rescore_due\` (\`rescore_due_since\`),
        INDEX \`ix_subjects_type_region\` (\`type\`, \`region_code\`, \`id\`),
        UNIQUE INDEX \`uq_subjects_person\` (\`resident_id_hmac\`, \`type\`, \`profession_key\`),
        UNIQUE INDEX \`uq_subjects_credit_code\` (\`credit_code\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`subjects\``);
  }
}
