import { AppConfig } from '@app/config';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one TypeORM configuration, shared by the API, the worker, the CLI and the TypeORM migration CLI.
 * `mariadb` (not `mysql`): with `mysql`, migration:generate drops and re-adds JSON columns on MariaDB.
 * Never `synchronize`: the schema changes only through reviewed migrations.
 */
export function typeOrmOptions(config: AppConfig): DataSourceOptions {
  const db = config.database;
  return {
    type: 'mariadb',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // UTC on the wire; business dates are DATE columns read back as 'YYYY-MM-DD' strings, so no time zone
    // can shift them.
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize: db.poolSize,
    extra: { connectionLimit: db.poolSize, enableKeepAlive: true },
    logging: config.logLevel === 'silent' ? false : ['error', 'migration'],
  };
}
