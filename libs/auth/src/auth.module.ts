import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';

/** Imported by the API app only: installs the guard globally. The CLI uses ApiKeysService directly. */
@Global()
@Module({
  providers: [ApiKeysService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysService],
})
export class AuthModule {}

