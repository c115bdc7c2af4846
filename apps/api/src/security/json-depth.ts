export type JsonShapeProblem = 'TOO_DEEP' | 'LIST_TOO_LONG';

/**
 * Whether a parsed JSON body nests deeper than `maxDepth` or holds an array longer than `maxArray`. Iterative,
 * and it stops at the first problem, so a hostile body costs one bounded walk, never a deep recursion, and a
 * list of a million keys is refused before GraphQL coerces (and the cost analysis counts) each element.
 */
export function jsonShapeProblem(value: unknown, maxDepth: number, maxArray: number): JsonShapeProblem | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return 'TOO_DEEP';
    if (Array.isArray(v) && v.length > maxArray) return 'LIST_TOO_LONG';
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return null;
}
