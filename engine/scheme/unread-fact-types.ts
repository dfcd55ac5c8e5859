import type { Scheme } from './scheme.ts';

const cache = new WeakMap<Scheme, Array<{ index: number; id: string }>>();

/**
 * Declared fact types that nothing in the scheme names: their facts can never
 * count. Conservative as the fold plan is (data/fold-plan.ts): any string or
 * key equal to the id, anywhere but the type's own `id`, counts as a reader,
 * so a type is flagged only when it surely is not read.
 */
export function unreadFactTypes(scheme: Scheme): Array<{ index: number; id: string }> {
  let out = cache.get(scheme);
  if (out) return out;
  const walk = (node: unknown, into: Set<string>): void => {
    if (typeof node === 'string') into.add(node);
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) walk(x, into);
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      into.add(k);
      walk(v, into);
    }
  };
  const { factTypes, ...rest } = scheme;
  const outside = new Set<string>();
  walk(rest, outside);
  // a declaration never reads its own type (its id, and a name equal to it); another type's declaration may
  const inside = factTypes.map((t) => {
    const own = new Set<string>();
    walk(t, own);
    return own;
  });
  out = factTypes.flatMap((t, index) => (outside.has(t.id) || inside.some((own, j) => j !== index && own.has(t.id)) ? [] : [{ index, id: t.id }]));
  cache.set(scheme, out);
  return out;
}
