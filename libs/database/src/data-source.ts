import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/** Entry point for the TypeORM CLI (`npm run migration:*`). The apps build their own from AppConfig. */
export default new DataSource(typeOrmOptions(loadConfig()));
