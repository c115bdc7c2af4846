import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * disclosure_items keyed by (disclosure_id, item_key), clustered, in place of the surrogate id plus a unique
 * index on the same pair: one B-tree fewer to write per item row (a 100k-item version writes 100k rows). The
 * pair was already unique, so no row is lost; down() gives the rows new ids (in key order) and the unique
 * index back.
 */
export class ClusterDisclosureItems1796420000000 implements MigrationInterface {
  name = 'ClusterDisclosureItems1796420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      // Dropping the id column drops the primary key made of it alone.
      'ALTER TABLE `disclosure_items` DROP COLUMN `id`, DROP INDEX `uq_disclosure_items_key`, ADD PRIMARY KEY (`disclosure_id`, `item_key`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `disclosure_items` DROP PRIMARY KEY, ADD `id` bigint UNSIGNED NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`), ADD UNIQUE INDEX `uq_disclosure_items_key` (`disclosure_id`, `item_key`)',
    );
  }
}
