import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, GraphQLSchema, isListType, getNullableType } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Lists multiply the cost of what they select: a field returning a list, with `first: n` or a list argument
 * of n keys, costs n times its children. This is what turns an alias bomb or a 10-million-key request into a
 * refusal before execution. A field returning one object (a batch mutation's result) costs its n input items
 * once each, plus its selection once: the items are work, but its summary is not n times bigger.
 */
const listEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const sizes = Object.values(args).map((v) => (Array.isArray(v) ? v.length : 0));
  const n = Math.max(typeof args.first === 'number' ? args.first : 0, ...sizes);
  if (n <= 1) return undefined;
  return isListType(getNullableType(field.type)) ? 1 + childComplexity * n : 1 + n + childComplexity;
};

/** Computes each operation's cost once it is resolved and refuses it over the limit (QUERY_TOO_COMPLEX). */
export function complexityPlugin(schema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: schema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // Variables that do not coerce: execution refuses them next with a proper BAD_USER_INPUT and runs
            // nothing, so there is no cost to guard here.
            if (e instanceof GraphQLError && e.message.startsWith('Variable "$')) return;
            // Anything else (the library's node-count limit among them): refuse rather than run unmeasured.
            throw new GraphQLError('the query is too large to run', {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                reason: /number of nodes/.test(String(e)) ? 'MAX_NODES' : 'MAX_COMPLEXITY',
                http: { status: 400 },
              },
            });
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(`the query costs ${complexity}; at most ${maxComplexity} is allowed`, {
              // A caller's mistake, not a server fault: 400, not Apollo's default 500 for plugin errors.
              extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COMPLEXITY', complexity, maxComplexity, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
