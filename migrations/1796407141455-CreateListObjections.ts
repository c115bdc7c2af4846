import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subjects' objections to severe-list candidacies. */
export class CreateListObjections1796407141455 implements MigrationInterface {
  name = 'CreateListObjections1796407141455';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`list_objections\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`entry_row_id\` bigint UNSIGNED NOT NULL,
        \`received_on\` date NOT NULL,
        \`summary\` varchar(1000) NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`decision_reason\` varchar(500) NULL,
        \`decided_at\` datetime(3) NULL,
        \`decided_by\` varchar(100) NULL,
        \`recorded_by\` varchar(100) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        INDEX \`ix_list_objections_entry\` (\`entry_row_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `list_objections`');
  }
}
