import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idempotency key (source_system, source_ref) compared byte for byte: under utf8mb4_unicode_ci "REF-1",
 * "ref-1" and the fullwidth "ＲＥＦ-1" were one key, so a second case file failed the unique key as if it were a
 * concurrent duplicate. Written by hand: TypeORM 0.3's migration:generate does not compare collations (the
 * entity states it, and test/database/migrations.test.ts checks that the two agree).
 *
 * down() folds the key again; it fails (duplicate entry, nothing changed) once two refs differ only in case
 * or width, since undoing would merge two case files.
 */
export class EventSourceKeyBinary1796405228382 implements MigrationInterface {
  name = 'EventSourceKeyBinary1796405228382';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`events\` MODIFY \`source_system\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, MODIFY \`source_ref\` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`events\` MODIFY \`source_system\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL, MODIFY \`source_ref\` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL`,
    );
  }
}
