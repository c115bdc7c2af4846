import { LoaderRegistry } from '@app/common/graphql';
import { Global, Module } from '@nestjs/common';

/** Singletons the GraphQL options factory needs; global so feature modules can register their loaders. */
@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class GraphqlSupportModule {}
