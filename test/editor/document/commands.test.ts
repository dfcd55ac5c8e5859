import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batch, getAt, insertItem, moveItem, removeItem, renameKey, replaceDocument, setValue, type Json } from '../../../editor/src/document/index.ts';

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
