import { AuditModule } from '@app/audit';
import { AuditApiModule } from '@app/audit/api/audit-api.module';
import { AuthModule } from '@app/auth';
import { LoggingModule } from '@app/common/logging';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ExportsApiModule } from '@app/exports/api/exports-api.module';
import { DisclosuresApiModule } from '@app/disclosures/api/disclosures-api.module';
import { HealthModule } from '@app/health';
import { ListsApiModule } from '@app/lists/api/lists-api.module';
import { RatingsApiModule } from '@app/ratings/api/ratings-api.module';
import { RegistryApiModule } from '@app/registry/api/registry-api.module';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphqlConfigService } from './graphql/graphql-config.service';
import { GraphqlSupportModule } from './graphql/graphql-support.module';
import { HttpErrorFilter } from './http-error.filter';
import { SecurityModule } from './security/security.module';
import { ViewerResolver } from './system/viewer.resolver';

/** The HTTP app: GraphQL for all callers, REST feeds and public pages, health. No queue connections. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    AuditModule,
    AuthModule,
    HealthModule.forApi(),
    GraphqlSupportModule,
    SecurityModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useClass: GraphqlConfigService }),
    AuditApiModule,
    RegistryApiModule,
    RatingsApiModule,
    ListsApiModule,
    ExportsApiModule,
    DisclosuresApiModule,
  ],
  providers: [ViewerResolver, { provide: APP_FILTER, useClass: HttpErrorFilter }],
})
export class ApiModule {}
