import { GraphQLError, Kind, SelectionSetNode, ValidationContext, ValidationRule, FragmentDefinitionNode } from 'graphql';

/**
 * Refuses operations nested deeper than maxDepth (a "depth bomb"), before any resolver runs.
 * Fragments are followed; a fragment cycle is already refused by GraphQL's own NoFragmentCycles rule,
 * and `seen` keeps this walk finite regardless.
 *
 * `__Type.ofType` does not count: it unwraps a type's list and non-null wrappers (a few levels at most in
 * any schema, null beyond), and every GraphQL IDE's standard introspection query nests it seven or more
 * times, which would otherwise refuse the IDE. Introspection's costly recursion (fields, interfaces,
 * possible types) is bounded by graphql-js's MaxIntrospectionDepthRule, and the cost limit still applies.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const def of context.getDocument().definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      }
      const depth = measure(node.selectionSet, fragments, 0, new Set(), maxDepth);
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`the query is nested ${depth > maxDepth + 1 ? 'more than ' : ''}${maxDepth + 1} levels deep; at most ${maxDepth} are allowed`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH' },
          }),
        );
      }
    },
  });
}

function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
  maxDepth: number,
): number {
  if (depth > maxDepth) return depth; // deep enough to refuse; stop walking
  let deepest = depth;
  for (const sel of set.selections) {
    let child = depth;
    if (sel.kind === Kind.FIELD) {
      const step = sel.name.value === 'ofType' ? 0 : 1;
      child = sel.selectionSet ? measure(sel.selectionSet, fragments, depth + step, seen, maxDepth) : depth + step;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      child = measure(sel.selectionSet, fragments, depth, seen, maxDepth);
    } else {
      const frag = fragments.get(sel.name.value);
      if (frag && !seen.has(frag.name.value)) {
        child = measure(frag.selectionSet, fragments, depth, new Set(seen).add(frag.name.value), maxDepth);
      }
    }
    deepest = Math.max(deepest, child);
  }
  return deepest;
}
