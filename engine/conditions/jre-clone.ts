/**
 * JRE never compares against the condition as written: `new RuleResult()`
 * deep-copies the rule's conditions with the `clone` package (2.1), and the
 * operators see that copy. The copy matters beyond identity (an object or
 * array value can never be `===` a fact value): `clone` walks `for…in` and
 * skips every key that the prototype already has as a data property, so
 * `{"toString": 1}` comes back as `{}` and stringifies as "[object Object]"
 * where the original would throw. Assigning an own `__proto__` key sets the
 * copy's prototype. The compiled evaluator takes the same copy once, at
 * compile time, and then runs JRE's operator code on it unchanged.
 *
 * This reproduces `clone(value)` for JSON values (plain and null-prototype
 * objects, arrays, primitives), the only values a scheme can hold; Map, Set,
 * Date and the like are copied as plain objects with their prototype.
 */
export function cloneLikeJre(value: unknown): unknown {
  return copy(value, new Map());
}

function copy(parent: unknown, seen: Map<object, object>): unknown {
  if (parent === null || typeof parent !== 'object') return parent;
  // clone keeps shared sub-objects shared (its `circular` mode)
  const again = seen.get(parent);
  if (again !== undefined) return again;
  // only the non-array branch looks at the prototype; arrays copy every key
  const proto: object | null | undefined = Array.isArray(parent) ? undefined : (Object.getPrototypeOf(parent) as object | null);
  const child = (Array.isArray(parent) ? [] : Object.create(proto ?? null)) as Record<string, unknown>;
  seen.set(parent, child);
  const from = parent as Record<string, unknown>;
  for (const key in from) {
    if (proto) {
      const inherited = Object.getOwnPropertyDescriptor(proto, key);
      if (inherited && inherited.set == null) continue;
    }
    // a plain assignment, as clone does: `__proto__` sets the prototype
    child[key] = copy(from[key], seen);
  }
  return child;
}
