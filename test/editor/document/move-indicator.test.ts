import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorPointers, loadScheme } from './shipped-docs.ts';
import { DocumentStore, getAt, indicatorTree, moveIndicator, movedPointer, moveTargets, parentPointer, type Json } from '../../../editor/src/document/index.ts';

const pingyang = JSON.parse(readFileSync('schemes/pingyang-2021/scheme.json', 'utf8')) as Json;
const text = (d: Json) => JSON.stringify(d);
const ids = (d: Json, p: string) => (getAt(d, p) as Array<{ id: string }>).map((n) => n.id);

describe('moving an indicator to another parent', () => {
  it('takes 监督检查评价 (20) out of 日常评价 to the top level: both sums turn red, undo gives the exact document', () => {
    // pingyang-2021 细则 二: 日常评价 85 = 50 + 10 + 5 + 20; 网络评价 15; 加分项 5 outside the 100
    const cmd = moveIndicator('/indicators/0/children/3', '/indicators');
    const next = cmd.execute(pingyang);
    expect(ids(next, '/indicators')).toEqual(['daily', 'network', 'bonus', 'supervision']);
    expect(ids(next, '/indicators/0/children')).toEqual(['satisfaction', 'platforms', 'supervisor']);
    const tree = indicatorTree(next);
    // top level: 85 + 15 + 20 = 120 against 100 (加分项 is outside the total)
    expect(tree.sum).toBe(120);
    expect(tree.ok).toBe(false);
    // 日常评价's children: 50 + 10 + 5 = 65 against its 85
    expect(tree.nodes[0]?.groups[0]?.sum).toBe(65);
    expect(tree.nodes[0]?.groups[0]?.ok).toBe(false);
    expect(text(cmd.revert(next))).toBe(text(pingyang));
  });

  it('moves a node into a later sibling: the target pointer is read before the move', () => {
    const doc: Json = { totalPoints: 10, indicators: [{ id: 'a', points: 2 }, { id: 'b', points: 8, children: [{ id: 'b1', points: 8 }] }, { id: 'c', points: 0 }] };
    const cmd = moveIndicator('/indicators/0', '/indicators/1/children', 0);
    const next = cmd.execute(doc);
    expect(text(next)).toBe('{"totalPoints":10,"indicators":[{"id":"b","points":8,"children":[{"id":"a","points":2},{"id":"b1","points":8}]},{"id":"c","points":0}]}');
    const tree = indicatorTree(next);
    expect([tree.sum, tree.ok]).toEqual([8, false]);
    expect([tree.nodes[0]?.groups[0]?.sum, tree.nodes[0]?.groups[0]?.ok]).toEqual([10, false]);
    expect(text(cmd.revert(next))).toBe(text(doc));
    expect(movedPointer('/indicators/0', '/indicators/1/children', 1)).toBe('/indicators/0/children/1');
  });

  it('moves into a variant and back out through the store, undo and redo exact', () => {
    const doc: Json = {
      totalPoints: 10,
      indicators: [{ id: 'v', points: 10, variants: [{ id: 'x', name: '甲类', children: [{ id: 'x1', points: 10 }] }, { id: 'y', name: '乙类', children: [{ id: 'y1', points: 6 }] }] }, { id: 'z', points: 4 }],
    };
    const store = new DocumentStore(doc);
    store.execute(moveIndicator('/indicators/1', '/indicators/0/variants/1/children'));
    const moved = store.doc;
    expect(ids(moved, '/indicators/0/variants/1/children')).toEqual(['y1', 'z']);
    expect(indicatorTree(moved).nodes[0]?.groups.map((g) => [g.sum, g.ok])).toEqual([[10, true], [10, true]]);
    store.undo();
    expect(text(store.doc)).toBe(text(doc));
    store.redo();
    expect(text(store.doc)).toBe(text(moved));
    store.undo();
    expect(store.state.dirty).toBe(false);
  });

  it('the pointers of the assumptions follow the indicators they point into (nanyang-2014)', () => {
    const nanyang = JSON.parse(readFileSync('schemes/nanyang-2014/scheme.json', 'utf8')) as Json;
    const pointers = (d: Json) => Object.fromEntries((getAt(d, '/assumptions') as Array<{ id: string; pointer: string }>).map((a) => [a.id, a.pointer]));
    // 电视问政… (上半年), item 2 of 上半年评议领导班子, to the front of 重大奖惩's children
    const cmd = moveIndicator('/indicators/0/children/0/children/2', '/indicators/1/children', 0);
    const next = cmd.execute(nanyang);
    const p = pointers(next);
    expect(p['monitoring-scale']).toBe('/indicators/1/children/0/method/scale');
    // 动态考评 moved up from item 5 to item 4, 科室 from 4 to 3
    expect(p['dynamic-scale']).toBe('/indicators/0/children/0/children/4/method/scale');
    expect(p['section-quarters']).toBe('/indicators/0/children/0/children/3/children');
    // 重大奖惩(上半年) is now item 1 of its parent
    expect(p['reward-bounds']).toBe('/indicators/1/children/1/method/cap');
    expect(p['penalty-sign']).toBe('/indicators/1/children/1/method/rules/1/points');
    // untouched: before the moved item, or outside the indicators
    expect(p['window-attribute']).toBe('/indicators/0/children/0/children/0/variants/0/when');
    expect(p['reward-per-half']).toBe('/indicators/1');
    expect(p['tie-break']).toBe('/rankings/0/tieBreak');
    for (const [id, pointer] of Object.entries(p)) if (id !== 'reward-per-half' && id !== 'section-quarters') expect(getAt(next, pointer), id).toEqual(getAt(nanyang, pointers(nanyang)[id] as string));
    expect(text(cmd.revert(next))).toBe(text(nanyang));
  });

  it('moves within the same parent like ↑/↓ (the order moveItem gives), assumptions following', () => {
    const nanyang = JSON.parse(readFileSync('schemes/nanyang-2014/scheme.json', 'utf8')) as Json;
    const down = moveIndicator('/indicators/0/children/0/children/2', '/indicators/0/children/0/children', 3).execute(nanyang);
    expect(ids(down, '/indicators/0/children/0/children')).toEqual(['service-users-h1', 'representatives-h1', 'mutual-h1', 'monitoring-h1', 'sections-h1', 'dynamic-h1']);
    const up = moveIndicator('/indicators/0/children/0/children/2', '/indicators/0/children/0/children', 1).execute(nanyang);
    expect(ids(up, '/indicators/0/children/0/children').slice(0, 3)).toEqual(['service-users-h1', 'monitoring-h1', 'representatives-h1']);
    const scale = (d: Json) => (getAt(d, '/assumptions') as Array<{ id: string; pointer: string }>).find((a) => a.id === 'monitoring-scale')?.pointer;
    expect(scale(down)).toBe('/indicators/0/children/0/children/3/method/scale');
    expect(scale(up)).toBe('/indicators/0/children/0/children/1/method/scale');
  });

  it('refuses a move into the indicator itself or its subtree, or into what is not a list of indicators, changing nothing', () => {
    const before = text(pingyang);
    expect(() => moveIndicator('/indicators/0', '/indicators/0/children')).toThrow();
    expect(() => moveIndicator('/indicators/0/children/1', '/indicators/0/children/1/children')).toThrow();
    expect(() => moveIndicator('/indicators/0/children/1', '/factTypes')).toThrow();
    expect(() => moveIndicator('/factTypes/0', '/indicators')).toThrow();
    expect(() => moveIndicator('/indicators/9', '/indicators/0/children').execute(pingyang)).toThrow();
    expect(() => moveIndicator('/indicators/1', '/indicators/0/children/3/children').execute(pingyang)).toThrow();
    expect(text(pingyang)).toBe(before);
  });

  it('offers every other parent, never the current one or its own subtree; then the leaves, saying they become groups', () => {
    const targets = moveTargets(indicatorTree(pingyang), '/indicators/0/children/0');
    const groups = targets.filter((t) => !t.leaf);
    expect(groups.map((t) => t.pointer)).toEqual(['/indicators', '/indicators/0/children/1/children']);
    expect(groups.map((t) => t.label)).toEqual(['一级指标', '日常评价 › 平台办理情况评价']);
    // the leaves outside 服务对象评价's own subtree, after the groups, each labelled with what it loses
    const leaves = targets.filter((t) => t.leaf);
    expect(targets.slice(groups.length)).toEqual(leaves);
    expect(leaves.map((t) => t.leaf?.pointer)).toEqual(['/indicators/0/children/1/children/0', '/indicators/0/children/1/children/1', '/indicators/0/children/2', '/indicators/0/children/3', '/indicators/1', '/indicators/2']);
    expect(leaves.map((t) => t.pointer)).toEqual(leaves.map((t) => `${t.leaf?.pointer}/children`));
    expect(leaves.find((t) => t.leaf?.pointer === '/indicators/0/children/3')?.label).toBe('日常评价 › 监督检查评价(将变为分组,原计分方法“扣分制”移除)');
    // 日常评价 holds everything but 网络评价 and 加分项: only those two leaves remain for it
    expect(moveTargets(indicatorTree(pingyang), '/indicators/0').map((t) => t.leaf?.pointer)).toEqual(['/indicators/1', '/indicators/2']);
  });

  it('any move to any offered parent is undone exactly and lands where movedPointer says (fixed seed)', () => {
    const docs = [pingyang, ...['wenzhou-2023', 'wenzhou-2024', 'nanyang-2014'].map(loadScheme)];
    const nodes = indicatorPointers;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (di, ni, ti, pi) => {
        const doc = docs[di % docs.length] as Json;
        const all = nodes(doc);
        const from = all[ni % all.length] as string;
        const targets = moveTargets(indicatorTree(doc), from);
        const groups = targets.filter((x) => !x.leaf);
        if (groups.length === 0) return;
        const t = groups[ti % groups.length] as (typeof targets)[number];
        const atEnd = pi % 2 === 0;
        const cmd = moveIndicator(from, t.pointer, atEnd ? undefined : pi % (t.length + 1));
        const next = cmd.execute(doc);
        expect(nodes(next).length).toBe(all.length);
        if (atEnd) expect(getAt(next, movedPointer(from, t.pointer, t.length))).toBe(getAt(doc, from));
        // every assumption still names the same value, unless it names a list the move changed (or holds one)
        const before = (getAt(doc, '/assumptions') ?? []) as Array<{ pointer: string }>;
        const after = (getAt(next, '/assumptions') ?? []) as Array<{ pointer: string }>;
        const { parent } = parentPointer(from);
        before.forEach((a, i) => {
          const holdsChange = [parent, t.pointer].some((c) => c === a.pointer || c.startsWith(a.pointer + '/'));
          if (!holdsChange && getAt(doc, a.pointer) !== undefined) expect(getAt(next, after[i]?.pointer ?? '')).toBe(getAt(doc, a.pointer));
        });
        expect(text(cmd.revert(next))).toBe(text(doc));
      }),
      { seed: 82, numRuns: 300 },
    );
  });
});
