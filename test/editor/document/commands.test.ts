import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batch, getAt, insertItem, moveItem, removeIndicator, removeItem, renameKey, replaceDocument, setValue, type Json } from '../../../editor/src/document/index.ts';

const pingyang = JSON.parse(readFileSync('schemes/pingyang-2021/scheme.json', 'utf8')) as Json;
const text = (d: Json) => JSON.stringify(d);

describe('commands', () => {
  it('set value keeps the key in place and revert gives the exact document back', () => {
    const doc: Json = { a: 1, b: 2, c: 3 };
    const cmd = setValue('/b', 20);
    const next = cmd.execute(doc);
    expect(text(next)).toBe('{"a":1,"b":20,"c":3}');
    expect(text(cmd.revert(next))).toBe(text(doc));
  });

  it('removing a key and undoing puts it back at its old place, not at the end', () => {
    const doc: Json = { a: 1, b: 2, c: 3 };
    const cmd = setValue('/b', undefined);
    const next = cmd.execute(doc);
    expect(text(next)).toBe('{"a":1,"c":3}');
    expect(text(cmd.revert(next))).toBe('{"a":1,"b":2,"c":3}');
  });

  it('a new key is appended and removed again on revert', () => {
    const doc: Json = { a: 1 };
    const cmd = setValue('/z', { x: [1] });
    const next = cmd.execute(doc);
    expect(text(next)).toBe('{"a":1,"z":{"x":[1]}}');
    expect(text(cmd.revert(next))).toBe('{"a":1}');
  });

  it('insert, remove, move and rename on arrays and objects', () => {
    const doc: Json = { list: ['a', 'b', 'c'], quota: { x: 1, y: 2 } };
    const ins = insertItem('/list', 1, 'n');
    expect(getAt(ins.execute(doc), '/list')).toEqual(['a', 'n', 'b', 'c']);
    const rem = removeItem('/list', 0);
    const afterRem = rem.execute(doc);
    expect(getAt(afterRem, '/list')).toEqual(['b', 'c']);
    expect(text(rem.revert(afterRem))).toBe(text(doc));
    const mv = moveItem('/list', 0, 2);
    const afterMv = mv.execute(doc);
    expect(getAt(afterMv, '/list')).toEqual(['b', 'c', 'a']);
    expect(text(mv.revert(afterMv))).toBe(text(doc));
    const rn = renameKey('/quota', 'x', 'w');
    const afterRn = rn.execute(doc);
    expect(text(afterRn)).toBe('{"list":["a","b","c"],"quota":{"w":1,"y":2}}');
    expect(text(rn.revert(afterRn))).toBe(text(doc));
  });

  it('a command on a missing path throws and changes nothing', () => {
    const doc: Json = { a: [1] };
    expect(() => setValue('/b/c', 1).execute(doc)).toThrow();
    expect(() => removeItem('/a', 3).execute(doc)).toThrow();
    expect(() => renameKey('/', 'a', 'b').execute(doc)).toThrow();
    expect(text(doc)).toBe('{"a":[1]}');
  });

  it('untouched parts of the document are shared, not copied', () => {
    const next = setValue('/indicators/0/points', 80).execute(pingyang);
    expect(getAt(next, '/factTypes')).toBe(getAt(pingyang, '/factTypes'));
    expect(getAt(next, '/indicators/1')).toBe(getAt(pingyang, '/indicators/1'));
    expect(getAt(pingyang, '/indicators/0/points')).toBe(85);
  });

  it('batch and replace revert to the exact document', () => {
    const b = batch('移动指标', [removeItem('/indicators', 2), insertItem('/indicators', 0, getAt(pingyang, '/indicators/2') as Json)]);
    const afterB = b.execute(pingyang);
    expect((getAt(afterB, '/indicators/0/id') as string)).toBe('bonus');
    expect(text(b.revert(afterB))).toBe(text(pingyang));
    const r = replaceDocument({ id: 'x' });
    expect(text(r.revert(r.execute(pingyang)))).toBe(text(pingyang));
  });
});

describe('deleting an indicator', () => {
  const nanyang = JSON.parse(readFileSync('schemes/nanyang-2014/scheme.json', 'utf8')) as Json;
  const pointers = (d: Json) => Object.fromEntries((getAt(d, '/assumptions') as Array<{ id: string; pointer: string }>).map((a) => [a.id, a.pointer]));
  const ids = (d: Json, p: string) => (getAt(d, p) as Array<{ id: string }>).map((n) => n.id);

  it('takes the assumptions inside the deleted subtree with it and re-indexes those through later siblings (nanyang-2014)', () => {
    // 上半年评议领导班子's children: 0 服务对象 (variants), 1 两代表一委员, 2 电视问政… (monitoring-scale
    // points into its method), 3 单位互评, 4 机关科室 (section-quarters), 5 动态考评 (dynamic-scale)
    const cmd = removeIndicator('/indicators/0/children/0/children/2');
    const next = cmd.execute(nanyang);
    expect(ids(next, '/indicators/0/children/0/children')).toEqual(['service-users-h1', 'representatives-h1', 'mutual-h1', 'sections-h1', 'dynamic-h1']);
    const p = pointers(next);
    // gone with 电视问政…: what it assumed (the scale of its method) no longer exists
    expect(p['monitoring-scale']).toBeUndefined();
    // later siblings moved up by one: 机关科室 4 → 3, 动态考评 5 → 4
    expect(p['section-quarters']).toBe('/indicators/0/children/0/children/3/children');
    expect(p['dynamic-scale']).toBe('/indicators/0/children/0/children/4/method/scale');
    // before it, in another branch, or outside the indicators: as they were
    expect(p['vote-level-values']).toBe('/indicators/0/children/0/children/0/variants/0/children/0/method/levels');
    expect(p['reward-bounds']).toBe('/indicators/1/children/0/method/cap');
    expect(p['tie-break']).toBe('/rankings/0/tieBreak');
    expect(Object.keys(p)).toEqual(Object.keys(pointers(nanyang)).filter((id) => id !== 'monitoring-scale'));
    // each remaining pointer still names the value it named before the delete
    for (const [id, pointer] of Object.entries(p)) expect(getAt(next, pointer), id).toBe(getAt(nanyang, pointers(nanyang)[id] as string));
    expect(text(cmd.revert(next))).toBe(text(nanyang));
  });

  it('deleting a top-level indicator removes every assumption inside it, the one naming the indicator itself included', () => {
    // 重大奖惩: reward-per-half names /indicators/1 itself, reward-bounds and penalty-sign its children's methods
    const cmd = removeIndicator('/indicators/1');
    const next = cmd.execute(nanyang);
    expect(ids(next, '/indicators')).toEqual(['leadership']);
    const p = pointers(next);
    for (const id of ['reward-per-half', 'reward-bounds', 'penalty-sign']) expect(p[id], id).toBeUndefined();
    expect(Object.keys(p)).toHaveLength(Object.keys(pointers(nanyang)).length - 3);
    expect(text(cmd.revert(next))).toBe(text(nanyang));
  });

  it('with no assumption affected, the assumptions are left as the same array', () => {
    // pingyang-2021: no assumption points into 加分项 (/indicators/2), the last top-level indicator
    const cmd = removeIndicator('/indicators/2');
    const next = cmd.execute(pingyang);
    expect(getAt(next, '/assumptions')).toBe(getAt(pingyang, '/assumptions'));
    expect(ids(next, '/indicators')).toEqual(['daily', 'network']);
    expect(text(cmd.revert(next))).toBe(text(pingyang));
    // 主管单位评价 holds none, but 监督检查评价 after it moves up: its assumption is re-indexed
    const n2 = removeIndicator('/indicators/0/children/2').execute(pingyang);
    expect((getAt(n2, '/assumptions') as Array<{ id: string; pointer: string }>).find((a) => a.id === 'omitted-section-points')?.pointer).toBe('/indicators/0/children/2/method/rules/4/points/value');
  });

  it('refuses what is not an indicator, or an indicator that is not there, changing nothing', () => {
    expect(() => removeIndicator('/factTypes/0')).toThrow();
    expect(() => removeIndicator('/indicators/0/children')).toThrow();
    expect(() => removeIndicator('/indicators/7').execute(pingyang)).toThrow();
    expect(() => removeIndicator('/indicators/0').revert(pingyang)).toThrow();
  });

  it('every indicator of every shipped scheme deleted and undone gives back the exact document, with no pointer left dangling', () => {
    for (const id of ['pingyang-2021', 'wenzhou-2023', 'wenzhou-2024', 'nanyang-2014']) {
      const doc = JSON.parse(readFileSync(`schemes/${id}/scheme.json`, 'utf8')) as Json;
      const all: string[] = [];
      const walk = (list: Json | undefined, at: string) => {
        if (!Array.isArray(list)) return;
        list.forEach((n, i) => {
          const p = `${at}/${i}`;
          all.push(p);
          const o = n as { children?: Json; variants?: Array<{ children: Json }> };
          walk(o.children, `${p}/children`);
          o.variants?.forEach((v, j) => walk(v.children, `${p}/variants/${j}/children`));
        });
      };
      walk(getAt(doc, '/indicators'), '/indicators');
      for (const pointer of all) {
        const cmd = removeIndicator(pointer);
        const next = cmd.execute(doc);
        for (const a of (getAt(next, '/assumptions') ?? []) as Array<{ id: string; pointer: string }>) expect(getAt(next, a.pointer), `${id} ${pointer} ${a.id}`).not.toBeUndefined();
        expect(text(cmd.revert(next)), `${id} ${pointer}`).toBe(text(doc));
      }
    }
  });
});
