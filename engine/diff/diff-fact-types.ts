/**
 * Fact types and their fields. A field is identified by its name in
 * `fields.properties`; whether it is required is part of the field, so making
 * a field mandatory reads as a change of that field, not of the whole type.
 */
import type { FactType } from '../scheme/fact-type.ts';
import type { Change, Ref } from './change.ts';
import { finish, isObj, matchById, ptr, sameValue, unionKeys } from './diff-util.ts';

const ref = (f: FactType): Ref => ({ id: f.id, name: f.name });

export function diffFactTypes(listA: readonly FactType[], listB: readonly FactType[]): Change[] {
  const out: Change[] = [];
  for (const m of matchById(listA, listB)) {
    const pa = m.a ? ptr('/factTypes', m.a.index) : undefined;
    const pb = m.b ? ptr('/factTypes', m.b.index) : undefined;
    if (!m.a && m.b) out.push(finish({ kind: 'fact-type-added', factType: ref(m.b.item), pathB: pb }));
    else if (m.a && !m.b) out.push(finish({ kind: 'fact-type-removed', factType: ref(m.a.item), pathA: pa }));
    else if (m.a && m.b && pa !== undefined && pb !== undefined) out.push(...diffFactType(m.a.item, m.b.item, pa, pb));
  }
  // the order of fact types carries no meaning (facts name their type), so a reordering is not reported
  return out;
}

function diffFactType(a: FactType, b: FactType, pa: string, pb: string): Change[] {
  const out: Change[] = [];
  const factType = ref(b);
  for (const key of unionKeys(a, b, ['id', 'fields'])) {
    const before = (a as Record<string, unknown>)[key];
    const after = (b as Record<string, unknown>)[key];
    if (sameValue(before, after)) continue;
    const at = { pathA: ptr(pa, key), pathB: ptr(pb, key) };
    if (key === 'window') out.push(finish({ kind: 'window-changed', factType, before, after, ...at }));
    else out.push(finish({ kind: 'fact-type-changed', factType, property: key, before, after, ...at }));
  }
  out.push(...diffFields(a, b, pa, pb, factType));
  return out;
}

function diffFields(a: FactType, b: FactType, pa: string, pb: string, factType: Ref): Change[] {
  const out: Change[] = [];
  const fa = a.fields;
  const fb = b.fields;
  // the other keys of the field schema (type, additionalProperties…) are properties of the fact type
  for (const key of unionKeys(fa, fb, ['properties', 'required'])) {
    const before = (fa as Record<string, unknown>)[key];
    const after = (fb as Record<string, unknown>)[key];
    if (!sameValue(before, after)) out.push(finish({ kind: 'fact-type-changed', factType, property: `fields/${key}`, before, after, pathA: ptr(pa, 'fields', key), pathB: ptr(pb, 'fields', key) }));
  }
  const propsA = isObj(fa.properties) ? fa.properties : {};
  const propsB = isObj(fb.properties) ? fb.properties : {};
  const reqA = new Set(fa.required ?? []);
  const reqB = new Set(fb.required ?? []);
  for (const field of unionKeys(propsA, propsB)) {
    const inA = Object.prototype.hasOwnProperty.call(propsA, field);
    const inB = Object.prototype.hasOwnProperty.call(propsB, field);
    const at = { pathA: ptr(pa, 'fields', 'properties', field), pathB: ptr(pb, 'fields', 'properties', field) };
    if (!inA) out.push(finish({ kind: 'fact-field-added', factType, field, schema: propsB[field], required: reqB.has(field), pathB: at.pathB }));
    else if (!inB) out.push(finish({ kind: 'fact-field-removed', factType, field, schema: propsA[field], required: reqA.has(field), pathA: at.pathA }));
    else {
      if (!sameValue(propsA[field], propsB[field])) out.push(finish({ kind: 'fact-field-changed', factType, field, aspect: 'schema', before: propsA[field], after: propsB[field], ...at }));
      if (reqA.has(field) !== reqB.has(field)) {
        out.push(finish({ kind: 'fact-field-changed', factType, field, aspect: 'required', before: reqA.has(field), after: reqB.has(field), pathA: ptr(pa, 'fields', 'required'), pathB: ptr(pb, 'fields', 'required') }));
      }
    }
  }
  // a required name without a declared property: only its listing can change
  for (const field of [...new Set([...reqA, ...reqB])].sort()) {
    if (field in propsA || field in propsB || reqA.has(field) === reqB.has(field)) continue;
    out.push(finish({ kind: 'fact-field-changed', factType, field, aspect: 'required', before: reqA.has(field), after: reqB.has(field), pathA: ptr(pa, 'fields', 'required'), pathB: ptr(pb, 'fields', 'required') }));
  }
  return out;
}
