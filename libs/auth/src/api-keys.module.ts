import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';

/** Key management without the guard, for the CLI. */
@Module({ providers: [ApiKeysService], exports: [ApiKeysService] })
export class ApiKeysModule {}
