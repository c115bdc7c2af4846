import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resident-ID key rotation (issue 12): each row records the key version that encrypted and hashed its ID, and
 * keeps the feed key (its subjectKey in the commission's list feeds) apart from the lookup HMAC that a rotation
 * re-keys. Rows from before are on key 1 (the default PII_KEY_ID) and keep their HMAC as feed key.
 */
export class AddSubjectResidentIdKeys1796413406390 implements MigrationInterface {
  name = 'AddSubjectResidentIdKeys1796413406390';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`subjects\` ADD \`resident_id_key_id\` smallint UNSIGNED NULL, ADD \`resident_id_feed_key\` char(64) NULL`);
    await queryRunner.query(`UPDATE \`subjects\` SET \`resident_id_key_id\` = 1 WHERE \`resident_id_enc\` IS NOT NULL`);
    await queryRunner.query(`UPDATE \`subjects\` SET \`resident_id_feed_key\` = \`resident_id_hmac\` WHERE \`resident_id_hmac\` IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`subjects\` DROP COLUMN \`resident_id_feed_key\`, DROP COLUMN \`resident_id_key_id\``);
  }
}
