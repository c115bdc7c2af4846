import { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener, GraphQLResponse, HeaderMap } from '@apollo/server';
import { DocumentNode, GraphQLSchema, Kind, OperationDefinitionNode } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Compiled operations kept per schema; a client that sends ever-new documents only evicts the oldest. */
const MAX_COMPILED = 100;
/**
 * Documents longer than this run on the standard executor: a compiled function pays off over many requests
 * of one document with variables, not for keys written into ever-different documents (compiling each).
 */
const MAX_SOURCE = 16 * 1024;

/**
 * Serves the hot bulk reads (the budget module's `ratings` of 10,000 keys: 150,000 fields) through graphql-jit,
 * which compiles an operation into a function once and then runs it without graphql-js's per-field
 * interpretation. Same schema, same resolvers (so Nest's guards, pipes and filters run), and it starts where
 * Apollo would execute: parsing, validation (the depth limit) and the cost guard (didResolveOperation) have
 * already passed.
 *
 * Only queries whose root fields are all in `rootFields` take this path (and only documents up to 16 KiB). An answer with any error is thrown
 * away and the operation is run again by Apollo's own executor, so every error reaches the caller (and the
 * logs) exactly as on the standard path; the queries served here only read, so a second run changes nothing.
 */
export function compiledExecutionPlugin(rootFields: readonly string[]): ApolloServerPlugin {
  const hot = new Set(rootFields);
  const compiled = new WeakMap<GraphQLSchema, Map<string, CompiledQuery>>();
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          if (!ctx.operation || !ctx.source || ctx.source.length > MAX_SOURCE || !servesOnly(ctx.operation, hot)) return null;
          const query = compiledFor(compiled, ctx);
          if (!query) return null;
          const result = await query.query(undefined, ctx.contextValue, ctx.request.variables ?? {});
          if (result.errors?.length) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}

/** A query (not a mutation) selecting only fields of `hot` at its root, with no fragments there. */
function servesOnly(operation: OperationDefinitionNode, hot: ReadonlySet<string>): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && hot.has(s.name.value) && !s.directives?.length)
  );
}

/** The compiled form of this request's document and operation, compiled on first use; null if it does not compile. */
function compiledFor(cache: WeakMap<GraphQLSchema, Map<string, CompiledQuery>>, ctx: GraphQLRequestContext<Record<string, unknown>>): CompiledQuery | null {
  let bySource = cache.get(ctx.schema);
  if (!bySource) cache.set(ctx.schema, (bySource = new Map()));
  const key = `${ctx.operationName ?? ''}\n${ctx.source}`;
  const hit = bySource.get(key);
  if (hit) return hit;
  const made = compileQuery(ctx.schema, ctx.document as DocumentNode, ctx.operationName ?? undefined, { disablingCapturingStackErrors: true });
  if (!isCompiledQuery(made)) return null;
  if (bySource.size >= MAX_COMPILED) bySource.delete(bySource.keys().next().value as string);
  bySource.set(key, made);
  return made;
}
