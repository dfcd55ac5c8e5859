/**
 * The `path` of a condition, reduced to a subset whose meaning is plain
 * property access, so the compiled evaluator can walk a pre-parsed key list
 * instead of running a JSONPath library per call.
 *
 * Supported subset (anything else is reported by checkCondition and refused
 * by compileCondition):
 *
 *   path    := "$" segment+
 *   segment := "." name  |  "[" index "]"  |  "['" quoted "']"
 *   name    := one or more of: letter (any script, e.g. 类别), digit, "_", "-"
 *   index   := "0" | [1-9][0-9]*
 *   quoted  := like name, and may also contain spaces
 *
 * Why these characters: jsonpath-plus (what JRE uses) rewrites the path
 * text with regexes before walking it, and gives meaning to . [ ] ' " ~ ^ *
 * @ $ ( ) ? , : ; # % and the backtick. None of those may appear in a key, so each key
 * reaches jsonpath-plus verbatim and is followed as a plain own property.
 * A bare `$` or an empty path is excluded: it would select nothing more than
 * the fact itself and is more likely a slip than an intent.
 */
const PATH = /^\$(?:\.[\p{L}\p{N}_-]+|\[(?:0|[1-9][0-9]*)\]|\['[\p{L}\p{N}_\- ]+'\])+$/u;
const SEGMENT = /\.([\p{L}\p{N}_-]+)|\[(0|[1-9][0-9]*)\]|\['([\p{L}\p{N}_\- ]+)'\]/gu;

/** The keys of a path in the supported subset, or undefined when the path is outside it. */
export function parseConditionPath(path: string): readonly string[] | undefined {
  if (!PATH.test(path)) return undefined;
  const keys: string[] = [];
  for (const m of path.slice(1).matchAll(SEGMENT)) keys.push(m[1] ?? m[2] ?? m[3] ?? '');
  return Object.freeze(keys);
}

/**
 * The value a condition compares, given the fact value and the pre-parsed
 * path keys, exactly as JRE 7.3 computes it:
 * - the almanac applies the path only when the fact value is a non-null
 *   object (arrays included); any other fact value is returned unchanged, so
 *   `{ fact: "name", path: "$.length" }` on the string "abc" yields "abc";
 * - jsonpath-plus then follows a key only when the current value is truthy
 *   and has it as an own property (`val && Object.hasOwn(val, key)`), so a
 *   nested string does answer `length` and indices, while 0, "", false and
 *   null stop the walk; a missing step yields undefined (wrap: false).
 * Indexed loop rather than for-of: this runs in the scoring hot loop.
 */
export function resolveConditionPath(factValue: unknown, keys: readonly string[]): unknown {
  if (factValue === null || typeof factValue !== 'object') return factValue;
  let v: unknown = factValue;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // Object.hasOwn boxes truthy primitives just as jsonpath-plus's own call does
    if (!v || !Object.hasOwn(v as object, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
