/**
 * Issue 18 item 1: the words a clerk sees for the format. Every enum value of
 * scheme.schema.json has a Chinese label (a new value cannot ship as
 * `half-up`), every method kind is named, and every property of the format
 * has a Chinese title for the form to use as its label instead of its key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, METHOD_LABELS } from '../../../editor/src/i18n/labels.ts';

const schema = JSON.parse(readFileSync('schemes/scheme.schema.json', 'utf8')) as unknown;
const HAN = /[\u4e00-\u9fff]/;

function walk(node: unknown, visit: (o: Record<string, unknown>, path: string) => void, path = ''): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${path}/${i}`));
  else if (node && typeof node === 'object') {
    // a map of names to schemas is not itself a schema
    if (!/\/(properties|patternProperties|\$defs)$/.test(path)) visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe('the format in the clerk’s words', () => {
  it('names every enum value of the format in Chinese', () => {
    const values = new Set<string>();
    walk(schema, (o, path) => {
      // enums inside examples or fact-field schemas are data, not the format
      if (Array.isArray(o.enum) && !path.includes('/examples')) for (const v of o.enum) if (typeof v === 'string') values.add(v);
    });
    expect(values.size).toBeGreaterThan(20);
    const missing = [...values].filter((v) => !(v in ENUM_LABELS) || !HAN.test(ENUM_LABELS[v] ?? ''));
    expect(missing).toEqual([]);
  });

  it('names every scoring method as the format describes it', () => {
    const kinds = new Map<string, string>();
    walk(schema, (o) => {
      const kind = (o.properties as Record<string, { const?: unknown }> | undefined)?.kind?.const;
      if (typeof kind === 'string' && kind in METHOD_LABELS) kinds.set(kind, String(o.description ?? ''));
    });
    expect([...kinds.keys()].sort()).toEqual(Object.keys(METHOD_LABELS).sort());
    for (const label of Object.values(METHOD_LABELS)) expect(label).toMatch(HAN);
  });

  it('gives every property of the format a Chinese title for its form label', () => {
    const untitled: string[] = [];
    walk(schema, (o, path) => {
      const props = o.properties as Record<string, Record<string, unknown>> | undefined;
      if (!props || path.includes('/examples')) return;
      for (const [k, p] of Object.entries(props)) {
        // `kind` and `$schema` are never shown as fields (the kind is the select of its union)
        if (k === 'kind' || k === '$schema') continue;
        const target = typeof p.$ref === 'string' ? (schema as { $defs: Record<string, Record<string, unknown>> }).$defs[p.$ref.replace('#/$defs/', '')] : p;
        if (!HAN.test(String(target?.description ?? p.description ?? ''))) untitled.push(`${path}/properties/${k}`);
      }
    });
    expect(untitled).toEqual([]);
  });
});
