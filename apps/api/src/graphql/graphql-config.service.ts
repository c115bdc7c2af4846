import { ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig } from '@app/config';
import { LoaderRegistry } from '@app/common/graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Injectable } from '@nestjs/common';
import { GqlOptionsFactory, GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request } from 'express';
import { compiledExecutionPlugin } from './compiled-execution.plugin';
import { complexityPlugin } from './complexity.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { formatError } from './format-error';
import { GraphqlContext } from './graphql-context';
import { ApiKeysService } from '@app/auth';
import { graphqlRateLimit, graphqlRefusalCharge } from '../security/rate-limit/graphql-rate-limit';
import { RateLimiterService } from '../security/rate-limit/rate-limiter.service';

/**
 * The GraphQL endpoint: code-first schema (sorted, printed to schema.gql by `npm run cli -- schema:print`
 * and checked by a test), GraphQL-over-HTTP via Apollo (POST and GET, application/graphql-response+json),
 * one DataLoader set per request, and depth and cost limits that run before any resolver.
 */
@Injectable()
export class GraphqlConfigService implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    private readonly config: AppConfig,
    private readonly loaders: LoaderRegistry,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly rateLimiter: RateLimiterService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    const gql = this.config.graphql;
    return {
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      playground: false,
      introspection: gql.introspection,
      includeStacktraceInErrorResponses: false,
      // Callers authenticate with a Bearer header, never with cookies, so there is no ambient credential
      // for a cross-site request to abuse; Apollo's CSRF check would only break plain GraphQL-over-HTTP GETs.
      csrfPrevention: false,
      allowBatchedHttpRequests: false,
      validationRules: [depthLimitRule(gql.maxDepth)],
      // No cache hints are used (the public feeds set their own HTTP caching), and the plugin costs a hook on
      // every resolved field: 10,000 ratings are 150,000 fields.
      // The budget module's bulk read runs compiled (graphql-jit) after the same checks (cost charged first).
      plugins: [
        ApolloServerPluginCacheControlDisabled(),
        complexityPlugin(() => this.schemaHost.schema, gql.maxComplexity, graphqlRateLimit(this.rateLimiter, this.apiKeys)),
        ...[graphqlRefusalCharge(this.rateLimiter, this.apiKeys, this.config.rateLimits.restCost)].filter((p) => p !== undefined),
        compiledExecutionPlugin(['ratings']),
      ],
      // A huge document is refused while it is tokenised, before a syntax tree of millions of nodes is built.
      parseOptions: { maxTokens: gql.maxTokens },
      // Apollo indents responses by default; a 10,000-rating answer is megabytes of whitespace.
      stringifyResult: (value) => JSON.stringify(value),
      formatError: formatError(gql.verboseErrors),
      context: ({ req }: { req: Request }): GraphqlContext => ({ req, loaders: this.loaders.forRequest() }),
    };
  }
}
