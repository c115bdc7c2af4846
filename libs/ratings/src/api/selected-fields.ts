import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields the query selects on the objects this field returns, following fragments. @skip and
 * @include are not evaluated: a field that might be selected counts as selected, so the answer errs on
 * loading too much, never too little.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, names, new Set());
  return names;
}

function collect(set: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], names: Set<string>, seen: Set<string>): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) names.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, fragments, names, seen);
    else if (!seen.has(s.name.value) && fragments[s.name.value]) {
      seen.add(s.name.value);
      collect(fragments[s.name.value].selectionSet, fragments, names, seen);
    }
  }
}
