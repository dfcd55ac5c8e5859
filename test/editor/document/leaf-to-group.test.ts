/**
 * Moving an indicator under a leaf (issue 8, “移动到…” offering leaves): the
 * scheme format allows a node with children and no method (engine check
 * `leaf-or-branch`: children, variants or a method, exactly one), so the leaf
 * becomes a group and its method is removed; undo gives the exact document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorPointers, loadScheme } from './shipped-docs.ts';
import { validateScheme } from '../../../engine/index.ts';
import { DocumentStore, getAt, indicatorTree, leafToGroup, movedPointer, moveTargets, moveUnderLeaf, setValue, type Json } from '../../../editor/src/document/index.ts';

const load = loadScheme;
const pingyang = load('pingyang-2021');
const nanyang = load('nanyang-2014');
const text = (d: Json) => JSON.stringify(d);
const codes = (d: Json) => validateScheme(d).issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`);
const pointers = (d: Json) => Object.fromEntries((getAt(d, '/assumptions') as Array<{ id: string; pointer: string }>).map((a) => [a.id, a.pointer]));

describe('moving an indicator under a leaf', () => {
  it('主管单位评价 (5) under 加分项 (5, bonus): 加分项 becomes a group of it, its method gone; the engine objects only to 日常评价 now 80 of 85', () => {
    // pingyang-2021 细则 二: 日常评价 85 = 50 + 10 + 5 + 20; 加分项 5 outside the 100
    const cmd = moveUnderLeaf('/indicators/0/children/2', '/indicators/2');
    const next = cmd.execute(pingyang);
    const bonus = getAt(next, '/indicators/2') as Record<string, Json>;
    expect(bonus.method).toBeUndefined();
    expect((bonus.children as Array<{ id: string }>).map((c) => c.id)).toEqual(['supervisor']);
    // children take the method's place among the keys, the rest as it was
    const keys = Object.keys(getAt(pingyang, '/indicators/2') as object);
    expect(Object.keys(bonus)).toEqual(keys.map((k) => (k === 'method' ? 'children' : k)));
    // the tree: 加分项's children 5 of 5 (ok), 日常评价's 50 + 10 + 20 = 80 of 85 (red)
    const tree = indicatorTree(next);
    expect([tree.nodes[2]?.groups[0]?.sum, tree.nodes[2]?.groups[0]?.ok]).toEqual([5, true]);
    expect([tree.nodes[0]?.groups[0]?.sum, tree.nodes[0]?.groups[0]?.ok]).toEqual([80, false]);
    // the engine accepts a group without a method: the one error is the sum, as for any move out of 日常评价
    expect(codes(next)).toEqual(['points-sum /indicators/0/children']);
    expect(getAt(next, movedPointer('/indicators/0/children/2', '/indicators/2/children', 0))).toBe(getAt(pingyang, '/indicators/0/children/2'));
    expect(text(cmd.revert(next))).toBe(text(pingyang));
  });

  it('why the method must go: a node with children and a method is what the engine rejects (leaf-or-branch)', () => {
    const next = moveUnderLeaf('/indicators/0/children/2', '/indicators/2').execute(pingyang);
    const both = setValue('/indicators/2/method', getAt(pingyang, '/indicators/2/method') as Json).execute(next);
    expect(codes(both)).toContain('leaf-or-branch /indicators/2');
  });

  it('assumptions inside the removed method go with it; the moved indicator’s follow it (nanyang-2014)', () => {
    // 动态考评(上半年) (item 5, dynamic-scale in its method) under 电视问政…(上半年) (item 2, monitoring-scale in its method)
    const cmd = moveUnderLeaf('/indicators/0/children/0/children/5', '/indicators/0/children/0/children/2');
    const next = cmd.execute(nanyang);
    const p = pointers(next);
    expect(p['monitoring-scale']).toBeUndefined();
    expect(p['dynamic-scale']).toBe('/indicators/0/children/0/children/2/children/0/method/scale');
    expect(getAt(next, p['dynamic-scale'] as string)).toBe(getAt(nanyang, '/indicators/0/children/0/children/5/method/scale'));
    // 机关科室 (item 4) is before the moved item 5: unchanged
    expect(p['section-quarters']).toBe('/indicators/0/children/0/children/4/children');
    // no pointer dangles, no structural error: only the two sums the move changes (2 of 20 under 电视问政; 90 of 100 上半年)
    expect(codes(next).sort()).toEqual(['points-sum /indicators/0/children/0/children', 'points-sum /indicators/0/children/0/children/2/children']);
    expect(text(cmd.revert(next))).toBe(text(nanyang));
  });

  it('a new indicator without a method becomes a group without losing anything; a group is refused', () => {
    const doc: Json = { totalPoints: 10, indicators: [{ id: 'a', name: 'A', points: 10 }, { id: 'b', name: 'B', points: 0 }] };
    const cmd = moveUnderLeaf('/indicators/0', '/indicators/1');
    const next = cmd.execute(doc);
    expect(text(next)).toBe('{"totalPoints":10,"indicators":[{"id":"b","name":"B","points":0,"children":[{"id":"a","name":"A","points":10}]}]}');
    expect(text(cmd.revert(next))).toBe(text(doc));
    expect(moveTargets(indicatorTree(doc), '/indicators/0').find((t) => t.leaf)?.label).toBe('B(将变为分组)');
    expect(() => leafToGroup('/indicators/0').execute(next)).toThrow();
    expect(() => moveUnderLeaf('/indicators/0', '/indicators/0')).toThrow();
  });

  it('through the store: one undo step, redo exact', () => {
    const store = new DocumentStore(nanyang);
    store.execute(moveUnderLeaf('/indicators/0/children/1/children/1', '/indicators/1/children/1'));
    const moved = store.doc;
    expect(store.undo()).toBe(true);
    expect(text(store.doc)).toBe(text(nanyang));
    expect(store.state.dirty).toBe(false);
    store.redo();
    expect(text(store.doc)).toBe(text(moved));
  });

  it('any indicator under any offered leaf of any shipped scheme: undone exactly, no pointer left dangling (fixed seed)', () => {
    const docs = ['pingyang-2021', 'wenzhou-2023', 'wenzhou-2024', 'nanyang-2014'].map(load);
    const nodes = indicatorPointers;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (di, ni, ti) => {
        const doc = docs[di % docs.length] as Json;
        const all = nodes(doc);
        const from = all[ni % all.length] as string;
        const leaves = moveTargets(indicatorTree(doc), from).filter((t) => t.leaf);
        if (leaves.length === 0) return;
        const t = leaves[ti % leaves.length] as (typeof leaves)[number];
        const cmd = moveUnderLeaf(from, t.leaf?.pointer as string);
        const next = cmd.execute(doc);
        expect(nodes(next).length).toBe(all.length);
        expect(getAt(next, movedPointer(from, t.pointer, 0))).toBe(getAt(doc, from));
        expect(codes(next).filter((c) => c.startsWith('dangling-pointer') || c.startsWith('leaf-or-branch'))).toEqual([]);
        expect(text(cmd.revert(next))).toBe(text(doc));
      }),
      { seed: 2026, numRuns: 120 },
    );
  });
});
