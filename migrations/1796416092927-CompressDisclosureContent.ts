import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A disclosure's content stored compressed (MariaDB's COMPRESS() format, written by libs/disclosures
 * compressed-content.ts): a 100k-item snapshot is about 55 MiB of JSON, a tenth of that compressed. The rows
 * stored so far are converted in SQL; down() converts back to the JSON column.
 */
export class CompressDisclosureContent1796416092927 implements MigrationInterface {
  name = 'CompressDisclosureContent1796416092927';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `disclosures` MODIFY `content` longblob NOT NULL');
    await queryRunner.query('UPDATE `disclosures` SET `content` = COMPRESS(`content`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Rows written as plain JSON text (never compressed) stay as they are.
    await queryRunner.query('UPDATE `disclosures` SET `content` = UNCOMPRESS(`content`) WHERE UNCOMPRESS(`content`) IS NOT NULL');
    await queryRunner.query('ALTER TABLE `disclosures` MODIFY `content` json NOT NULL');
  }
}
