import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored snapshot stamps (seq, row count, SHA-256) so HEAD never builds a body. */
export class CreateListSnapshotStamps1796407141457 implements MigrationInterface {
  name = 'CreateListSnapshotStamps1796407141457';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`list_snapshot_stamps\` (
        \`list\` varchar(24) NOT NULL,
        \`seq\` bigint UNSIGNED NOT NULL,
        \`row_count\` int UNSIGNED NOT NULL,
        \`sha256\` char(64) NOT NULL,
        \`computed_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`list\`, \`seq\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `list_snapshot_stamps`');
  }
}
