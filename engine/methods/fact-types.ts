import type { Method } from '../scheme/methods/index.ts';

/** The fact types a method reads, with the pointer of each reference. */
export function methodFactTypes(m: Method, at: string): Array<[string, string]> {
  switch (m.kind) {
    case 'vote-ratio':
      return [[m.factType, `${at}/factType`], ...(m.volumeWeight ? [[m.volumeWeight.factType, `${at}/volumeWeight/factType`] as [string, string]] : [])];
    case 'deduction':
    case 'bonus':
      return [...m.rules.map((r, i): [string, string] => [r.factType, `${at}/rules/${i}/factType`]), ...(m.notScored ?? []).map((n, i): [string, string] => [n.factType, `${at}/notScored/${i}/factType`])];
    case 'rank-to-grade':
      return [[m.factType, `${at}/factType`], ...m.adjustments.map((r, i): [string, string] => [r.factType, `${at}/adjustments/${i}/factType`])];
    case 'graded-rating':
    case 'rank-deduction':
    case 'reported-score':
      return [[m.factType, `${at}/factType`]];
    case 'formula':
      return Object.entries(m.inputs).flatMap(([name, i]): Array<[string, string]> => ('factType' in i ? [[i.factType, `${at}/inputs/${name}/factType`]] : []));
    default: {
      const never: never = m;
      return never;
    }
  }
}

