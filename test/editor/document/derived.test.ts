import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScheme } from '../../../engine/index.ts';
import { getAt, indicatorTree, jsonPositions, nodeAt, pointerAtOffset, setValue, spanOf, type Json } from '../../../editor/src/document/index.ts';

const load = (id: string) => JSON.parse(readFileSync(`schemes/${id}/scheme.json`, 'utf8')) as Json;
const pingyang = load('pingyang-2021');
// what the page shows: the tree from the document, the problems from the engine (in its worker)
const derive = (doc: Json) => {
  const v = validateScheme(doc);
  return { tree: indicatorTree(doc), problems: v.issues, errors: v.issues.filter((i) => i.severity === 'error').length };
};

describe('derived state', () => {
  it('the indicator tree of pingyang-2021 adds up as the document says', () => {
    // 细则 二: 日常评议 85 = 满意度 50 + 平台 10 + 监督员 5 + 监督 20; 网络评价 15; 加分 5 不占总分
    const { tree, errors } = derive(pingyang);
    expect(errors).toBe(0);
    expect(tree.total).toBe(100);
    expect(tree.sum).toBe(100);
    expect(tree.ok).toBe(true);
    const daily = tree.nodes[0];
    expect(daily?.id).toBe('daily');
    expect(daily?.groups[0]?.sum).toBe(85);
    expect(daily?.groups[0]?.ok).toBe(true);
    expect(tree.nodes[2]?.outsideTotal).toBe(true);
  });

  it('changing one child turns the sums red and the engine lists a points-sum problem', () => {
    const next = setValue('/indicators/0/children/0/points', 45).execute(pingyang);
    const d = derive(next);
    expect(d.tree.nodes[0]?.groups[0]?.sum).toBe(80);
    expect(d.tree.nodes[0]?.groups[0]?.ok).toBe(false);
    expect(d.problems.some((p) => p.code === 'points-sum' && p.path === '/indicators/0/children')).toBe(true);
    expect(nodeAt(d.tree, '/indicators/0/children/0/method/rules/1')?.id).toBe('satisfaction');
  });
});

describe('JSON positions', () => {
  for (const id of ['pingyang-2021', 'wenzhou-2024']) {
    it(`every pointer of ${id} maps to the text of its value`, () => {
      const doc = load(id);
      const text = JSON.stringify(doc, null, 2);
      const map = jsonPositions(text);
      for (const [pointer, span] of map) {
        expect(JSON.parse(text.slice(span.start, span.end))).toEqual(getAt(doc, pointer));
        if (span.key) expect(JSON.parse(text.slice(span.key.start, span.key.end))).toBe(pointer.split('/').pop()?.replace(/~1/g, '/').replace(/~0/g, '~'));
      }
      expect(map.size).toBeGreaterThan(100);
    });
  }

  it('maps arbitrary JSON values and finds the innermost pointer at an offset', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1) ?? 'null';
        const map = jsonPositions(text);
        for (const [pointer, span] of map) expect(JSON.parse(text.slice(span.start, span.end))).toEqual(getAt(v as Json, pointer));
      }),
      { seed: 8, numRuns: 200 },
    );
    const text = '{"a": [1, {"b": "x/y"}]}';
    const map = jsonPositions(text);
    expect(pointerAtOffset(map, text.indexOf('"x/y"') + 1)).toBe('/a/1/b');
    expect(spanOf(map, '/a/1/missing')).toEqual(map.get('/a/1'));
  });

  it('stops at malformed text with what it mapped so far', () => {
    const map = jsonPositions('{"a": 1, "b": [2, ');
    expect(map.get('/a')).toEqual({ start: 6, end: 7, key: { start: 1, end: 4 } });
    expect(map.has('/b/0')).toBe(true);
    expect(map.has('')).toBe(false);
  });

  it('text half typed in Monaco (a quote opened, the line broken) gives the positions read so far and does not throw', () => {
    // it used to throw from JSON.parse of the string literal across the line break, inside a React effect: a blank page
    const text = '{\n  "id": "x",\n  "descr\n  "name": "y"\n}\n';
    const map = jsonPositions(text);
    expect(spanOf(map, '/id')).toBeDefined();
    expect(spanOf(map, '/name')).toBeUndefined();
  });
});
