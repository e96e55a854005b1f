// How deep and how big a pushed value may be, measured without recursion. Schema checks, hashing
// (canonical JSON) and the questionnaire walks all recurse: a form item tree a few hundred levels
// deep would blow the stack in any of them, so this runs first, on the raw value.

export interface JsonLimits {
  /** Nesting of arrays and objects; the value itself is depth 1. */
  maxDepth: number;
  /** Every value counted once: objects, arrays, strings, numbers... */
  maxNodes: number;
}

/**
 * An entry is at most 64 levels deep (a QuestionnaireResponse nests item, answer, item... four
 * levels per group: sixteen nested groups, far beyond any real form) and 200 000 values.
 */
export const ENTRY_LIMITS: JsonLimits = { maxDepth: 64, maxNodes: 200_000 };

/** Returns what is over the limits, or null. Iterative, so it cannot overflow the stack itself. */
export function jsonLimitProblem(value: unknown, limits: JsonLimits): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return `more than ${limits.maxNodes} values`;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limits.maxDepth) return `nested more than ${limits.maxDepth} levels deep`;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) stack.push([c, depth + 1]);
  }
  return null;
}
