import { MigrationInterface, QueryRunner } from 'typeorm';

/** The head position of each change stream, locked by writers so positions follow commit order (claimStreamPositions). */
export class CreateStreamHeads1796405478150 implements MigrationInterface {
  name = 'CreateStreamHeads1796405478150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`stream_heads\` (
        \`stream\` varchar(64) NOT NULL,
        \`position\` bigint UNSIGNED NOT NULL,
        PRIMARY KEY (\`stream\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `stream_heads`');
  }
}
