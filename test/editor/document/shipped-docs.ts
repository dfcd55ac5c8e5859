import { readFileSync } from 'node:fs';
import { indicatorTree, type Json } from '../../../editor/src/document/index.ts';

/** A shipped scheme as the editor's document holds it. */
export const loadScheme = (id: string): Json => JSON.parse(readFileSync(`schemes/${id}/scheme.json`, 'utf8')) as Json;

/** Every indicator's pointer in tree order (groups, variants and their children). */
export function indicatorPointers(d: Json): string[] {
  const out: string[] = [];
  const walk = (ns: ReturnType<typeof indicatorTree>['nodes']) => ns.forEach((n) => (out.push(n.pointer), n.groups.forEach((g) => walk(g.children))));
  walk(indicatorTree(d).nodes);
  return out;
}
