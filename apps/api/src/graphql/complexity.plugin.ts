import { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** What the estimators need besides the field: the schema, and the operation's fragments and variables. */
interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Lists multiply the cost of what they select: a field returning a list, with `first: n` or a list argument
 * of n keys, costs n times its children. This is what turns an alias bomb or a 10-million-key request into a
 * refusal before execution.
 *
 * A batch mutation (a Mutation field taking a list of n items) costs one per item, whatever scalar fields it
 * selects: the items are the work, and echoing an item's own columns is part of writing it. A field returning
 * one object (recordEvents' summary) adds its selection once; a field returning the n items (registerSubjects)
 * adds, per item, only what its selection costs beyond scalars, so a nested list (each subject's events) is
 * still multiplied by n.
 */
const listEstimator: ComplexityEstimator = ({ type, args, childComplexity, field, node, context }) => {
  const sizes = Object.values(args).map((v) => (Array.isArray(v) ? v.length : 0));
  const n = Math.max(typeof args.first === 'number' ? args.first : 0, ...sizes);
  if (n <= 1) return undefined;
  if (!isListType(getNullableType(field.type))) return 1 + n + childComplexity;
  const cost = context as CostContext | undefined;
  const itemType = getNamedType(field.type);
  if (cost && type === cost.schema.getMutationType() && isObjectType(itemType) && node.selectionSet) {
    const nested = Math.max(0, childComplexity - scalarSelections(node.selectionSet, itemType, cost, new Set()));
    return 1 + n * (1 + nested);
  }
  return 1 + childComplexity * n;
};

/**
 * How many scalar (leaf) fields a selection set selects directly on `type`, following fragments and honouring
 * @skip/@include as the cost analysis does: each costs 1 in `childComplexity` (the default estimate).
 */
function scalarSelections(set: SelectionSetNode, type: GraphQLNamedType, cost: CostContext, seen: Set<string>): number {
  if (!isObjectType(type)) return 0;
  let leaves = 0;
  for (const selection of set.selections) {
    if (!included(selection, cost.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') leaves++;
      else {
        const field = type.getFields()[selection.name.value];
        if (field && isLeafType(getNamedType(field.type))) leaves++;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === type.name) leaves += scalarSelections(selection.selectionSet, type, cost, seen);
    } else {
      const fragment = cost.fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value) && fragment.typeCondition.name.value === type.name) {
        leaves += scalarSelections(fragment.selectionSet, type, cost, new Set(seen).add(fragment.name.value));
      }
    }
  }
  return leaves;
}

function included(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  } catch {
    return true; // a directive argument that does not coerce: count the field (the cost analysis reports it)
  }
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) out.set(def.name.value, def);
  return out;
}

/** Called with each admitted operation's cost (the rate limiter charges it), awaited before execution. */
export type OnCost = (cost: number, request: GraphQLRequestContextDidResolveOperation<Record<string, unknown>>) => Promise<void>;

/**
 * Computes each operation's cost once it is resolved and refuses it over the limit (QUERY_TOO_COMPLEX);
 * `onCost` then sees the admitted cost (rate limiting: one estimate, so aliases cannot multiply calls).
 */
export function complexityPlugin(schema: () => GraphQLSchema, maxComplexity: number, onCost?: OnCost): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation(requestContext) {
          const { request, document } = requestContext;
          let complexity: number;
          try {
            const variables = request.variables ?? {};
            const context: CostContext = { schema: schema(), fragments: fragmentsOf(document), variables };
            complexity = getComplexity({
              schema: context.schema,
              operationName: request.operationName,
              query: document,
              variables,
              context,
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
          if (onCost) await onCost(complexity, requestContext);
        },
      };
    },
  };
}
