import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `name` on the objects this field returns, following fragments. @skip/@include are
 * not evaluated: a field that might be selected counts as selected, so the answer errs on loading too much.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return info.fieldNodes.some((node: FieldNode) => !!node.selectionSet && inSet(node.selectionSet, info.fragments, name, new Set()));
}

function inSet(set: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], name: string, seen: Set<string>): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === name;
    if (s.kind === Kind.INLINE_FRAGMENT) return inSet(s.selectionSet, fragments, name, seen);
    const fragment = fragments[s.name.value];
    if (!fragment || seen.has(s.name.value)) return false;
    return inSet(fragment.selectionSet, fragments, name, new Set(seen).add(s.name.value));
  });
}
