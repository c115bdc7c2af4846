import { AppConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from './typeorm-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // A failed first connection is retried a few times (a server restarting), then the boot fails loudly.
      useFactory: (config: AppConfig) => ({ ...typeOrmOptions(config), retryAttempts: 5, retryDelay: 1000 }),
    }),
  ],
})
export class DatabaseModule {}
