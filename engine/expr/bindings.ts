import type { FactType } from '../scheme/fact-type.ts';
import type { FormulaInput, FormulaMethod } from '../scheme/methods/formula.ts';
import type { ValueType } from './ast.ts';
import type { Binding } from './check.ts';
import * as R from './range.ts';

interface FieldSchema {
  type?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The type a recorded field gives an expression; undefined: not usable (a string, an object). */
export function fieldType(ft: FactType | undefined, field: string): ValueType | undefined {
  const s = ft && Object.hasOwn(ft.fields.properties, field) ? (ft.fields.properties[field] as FieldSchema) : undefined;
  if (!s) return undefined;
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'string' && s.format === 'date') return 'date';
  return undefined;
}

function fieldRange(ft: FactType | undefined, field: string): R.Range {
  const s = ft?.fields.properties[field] as FieldSchema | undefined;
  const lo = num(s?.minimum) ?? -Infinity;
  const hi = num(s?.maximum) ?? Infinity;
  return R.between(lo, hi);
}

/**
 * Every input's type and range, as the check and the compiler see them. Inputs
 * whose declaration is broken (unknown fact type or field) get no binding: the
 * validator reports them at their own pointer, and the expression then names an unknown input.
 */
export function bindingsOf(m: FormulaMethod, factTypes: ReadonlyMap<string, FactType>): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const entries = Object.entries(m.inputs);
  const local = (name: string) => out.get(name);
  for (const [name, input] of entries) {
    const b = binding(input, factTypes, local);
    if (b) out.set(name, { ...b, label: input.name });
  }
  return out;
}

function binding(i: FormulaInput, factTypes: ReadonlyMap<string, FactType>, other: (name: string) => Binding | undefined): Omit<Binding, 'label'> | undefined {
  switch (i.kind) {
    case 'constant':
      return { type: 'number', range: R.exact(i.value) };
    case 'count':
      return { type: 'number', range: R.atLeast(0) };
    case 'sum': {
      const r = fieldRange(factTypes.get(i.factType), i.field);
      // a sum of no facts is 0; of many, anything of the field's sign
      return { type: 'number', range: r.lo >= 0 ? R.atLeast(0) : r.hi <= 0 ? R.between(-Infinity, 0) : R.ANY };
    }
    case 'field': {
      const ft = factTypes.get(i.factType);
      const type = fieldType(ft, i.field);
      if (!type) return undefined;
      const r = type === 'number' ? fieldRange(ft, i.field) : R.ANY;
      return { type, range: typeof i.missing === 'number' ? R.union(r, R.exact(i.missing)) : r };
    }
    case 'periods': {
      if (i.measure.kind === 'days-between') return { type: 'number', range: R.union(R.atLeast(0), R.exact(i.measure.missing)) };
      return { type: 'number', range: R.atLeast(0) };
    }
    case 'stat': {
      const of = other(i.of);
      return of && of.type === 'number' ? { type: 'number', range: of.range } : undefined;
    }
    case 'indicator':
      // a deduction may go below 0 where its floor says so: nothing is assumed of the sign
      return { type: 'number', range: R.ANY };
    case 'place':
    case 'field-size':
      return { type: 'number', range: R.atLeast(1) };
    default: {
      const never: never = i;
      return never;
    }
  }
}
