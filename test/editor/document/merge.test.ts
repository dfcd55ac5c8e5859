import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentStore, getAt, insertItem, isObject, merge3, mergeHistory, pointerOf, removeItem, setValue, type Command, type Json } from '../../../editor/src/document/index.ts';
import { commandFor } from './random-commands.ts';
import { loadScheme } from './shipped-docs.ts';

const pingyang = loadScheme('pingyang-2021');
const wenzhou = loadScheme('wenzhou-2024');

/** A place named by ids where arrays are keyed by id (`[id]`), by index elsewhere: it survives inserts. */
type Place = Array<string | number | { id: string }>;

const keyed = (a: Json[]) => a.every((x) => isObject(x) && typeof x.id === 'string');

/** Every scalar leaf of a document, by place (ids of keyed items left out). */
function leaves(doc: Json): Place[] {
  const out: Place[] = [];
  const walk = (v: Json, place: Place) => {
    if (Array.isArray(v)) {
      const byId = keyed(v) && v.length > 0;
      v.forEach((x, i) => walk(x, [...place, byId ? { id: (x as { id: string }).id } : i]));
    } else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...place, k]);
    // an item's id is its identity, not a value: changing it is a removal and an insertion
    else if (!(place[place.length - 1] === 'id' && typeof place[place.length - 2] === 'object')) out.push(place);
  };
  walk(doc, []);
  return out;
}

/** The pointer of a place in a given document, or undefined when it is gone there. */
function pointerIn(doc: Json, place: Place): string | undefined {
  const tokens: Array<string | number> = [];
  let cur: Json | undefined = doc;
  for (const t of place) {
    if (typeof t === 'object') {
      if (!Array.isArray(cur)) return undefined;
      const i = cur.findIndex((x) => isObject(x) && x.id === t.id);
      if (i < 0) return undefined;
      tokens.push(i);
      cur = cur[i];
    } else {
      tokens.push(t);
      cur = getAt(cur as Json, pointerOf([t]));
    }
  }
  return pointerOf(tokens);
}

const valueAt = (doc: Json, place: Place) => {
  const p = pointerIn(doc, place);
  return p === undefined ? undefined : getAt(doc, p);
};

const show = (place: Place) => place.map((t) => (typeof t === 'object' ? `[${t.id}]` : t)).join('/');
/** Whether one place lies within the other (or is it). */
const overlaps = (a: Place, b: Place) => {
  const n = Math.min(a.length, b.length);
  return show(a.slice(0, n)) === show(b.slice(0, n));
};

/** The id-keyed arrays of a document (where items can be inserted by id), by place. */
function keyedArrays(doc: Json): Place[] {
  const out: Place[] = [];
  const walk = (v: Json, place: Place) => {
    if (Array.isArray(v)) {
      if (v.length > 0 && keyed(v)) out.push(place);
      const byId = keyed(v) && v.length > 0;
      v.forEach((x, i) => walk(x, [...place, byId ? { id: (x as { id: string }).id } : i]));
    } else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...place, k]);
  };
  walk(doc, []);
  return out;
}

interface Edit {
  kind: 'set' | 'insert' | 'remove';
  place: Place;
  value?: Json;
}

/** One side's edits as commands run in a store, each pointer computed in the document it runs on. */
function runSide(base: Json, edits: Edit[]): Json {
  const store = new DocumentStore(base);
  for (const e of edits) {
    let command: Command;
    if (e.kind === 'set') command = setValue(pointerIn(store.doc, e.place) as string, e.value as Json);
    else if (e.kind === 'insert') {
      const arrayPointer = pointerIn(store.doc, e.place) as string;
      const n = (getAt(store.doc, arrayPointer) as Json[]).length;
      command = insertItem(arrayPointer, Math.min(n, 1), e.value as Json);
    } else {
      const { parent, index } = (() => {
        const p = pointerIn(store.doc, e.place) as string;
        const i = p.lastIndexOf('/');
        return { parent: p.slice(0, i), index: Number(p.slice(i + 1)) };
      })();
      command = removeItem(parent, index);
    }
    store.execute(command);
  }
  return store.doc;
}

describe('three-way merge (property, fixed seeds)', () => {
  for (const [name, base] of [['pingyang-2021', pingyang], ['wenzhou-2024', wenzhou]] as const) {
    const all = leaves(base);
    const arrays = keyedArrays(base);
    it(`${name}: edits of two clerks at different places are both kept, none reported as a conflict`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(all.length - 1), fc.boolean(), fc.nat(999)), { minLength: 1, maxLength: 12 }),
          fc.array(fc.tuple(fc.nat(arrays.length - 1), fc.boolean(), fc.boolean()), { maxLength: 3 }),
          (sets, structural) => {
            // each edit goes to one side; a place already claimed by the other side is skipped (different pointers)
            const ours: Edit[] = [];
            const theirs: Edit[] = [];
            const claimed = (side: Edit[], place: Place) => side.some((e) => overlaps(e.place, place) || (e.kind !== 'set' && overlaps(e.place, place.slice(0, e.place.length))));
            sets.forEach(([i, mine, v], n) => {
              const place = all[i] as Place;
              const [side, other] = mine ? [ours, theirs] : [theirs, ours];
              if (claimed(other, place) || claimed(side, place)) return;
              side.push({ kind: 'set', place, value: `改${n}-${v}` });
            });
            structural.forEach(([i, mine, remove], n) => {
              const arrayPlace = arrays[i] as Place;
              const [side, other] = mine ? [ours, theirs] : [theirs, ours];
              const items = getAt(base, pointerIn(base, arrayPlace) as string) as Array<{ id: string }>;
              if (remove) {
                const victim = items[items.length - 1] as { id: string };
                const place: Place = [...arrayPlace, { id: victim.id }];
                if (claimed(other, place) || claimed(side, place) || items.length < 2) return;
                side.push({ kind: 'remove', place });
              } else {
                side.push({ kind: 'insert', place: arrayPlace, value: { id: `new-${mine ? 'o' : 't'}-${n}`, name: `新增${n}` } });
              }
            });
            const o = runSide(base, ours);
            const t = runSide(base, theirs);
            const { doc, conflicts } = merge3(base, o, t);
            expect(conflicts.map((c) => c.key)).toEqual([]);
            const merged = doc as Json;
            for (const [side, edits] of [[o, ours], [t, theirs]] as const) {
              for (const e of edits) {
                if (e.kind === 'set') expect(valueAt(merged, e.place), show(e.place)).toEqual(e.value);
                if (e.kind === 'remove') expect(pointerIn(merged, e.place), show(e.place)).toBeUndefined();
                if (e.kind === 'insert') expect(valueAt(merged, [...e.place, { id: (e.value as { id: string }).id }])).toEqual(e.value);
              }
              void side;
            }
            // and every place neither side touched holds the base's value
            for (const place of all) {
              const touched = [...ours, ...theirs].some((e) => overlaps(e.place, place));
              if (!touched) expect(valueAt(merged, place), show(place)).toEqual(valueAt(base, place));
            }
          },
        ),
        { seed: 20261207, numRuns: 60 },
      );
    });
  }

  it('two clerks setting the same place to different values: reported with both values, never silently won', () => {
    const all = leaves(pingyang);
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.nat(999), fc.nat(999), (i, a, b) => {
        fc.pre(a !== b);
        const place = all[i] as Place;
        const pointer = pointerIn(pingyang, place) as string;
        const o = runSide(pingyang, [{ kind: 'set', place, value: `甲${a}` }]);
        const t = runSide(pingyang, [{ kind: 'set', place, value: `乙${b}` }]);
        const r = merge3(pingyang, o, t);
        expect(r.conflicts).toHaveLength(1);
        const c = r.conflicts[0];
        expect(c).toMatchObject({ pointer, base: getAt(pingyang, pointer), ours: `甲${a}`, theirs: `乙${b}`, chosen: undefined });
        // the clerk's choice decides, for that place only
        expect(getAt(merge3(pingyang, o, t, new Map([[c!.key, 'ours']])).doc as Json, pointer)).toBe(`甲${a}`);
        expect(getAt(merge3(pingyang, o, t, new Map([[c!.key, 'theirs']])).doc as Json, pointer)).toBe(`乙${b}`);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('any two random command sequences: one side equal to the base gives the other; a conflict always has two different values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (pa, pb) => {
          const run = (picks: number[][]) => {
            const s = new DocumentStore(pingyang);
            for (const p of picks) {
              try {
                s.execute(commandFor(s.doc, p));
              } catch {
                // a command that does not fit is refused by the store, as in the editor
              }
            }
            return s.doc;
          };
          const o = run(pa);
          const t = run(pb);
          expect(merge3(pingyang, o, pingyang).doc).toEqual(o);
          expect(merge3(pingyang, pingyang, t).doc).toEqual(t);
          expect(merge3(pingyang, o, o).conflicts).toEqual([]);
          for (const c of merge3(pingyang, o, t).conflicts) expect(JSON.stringify(c.ours)).not.toBe(JSON.stringify(c.theirs));
        },
      ),
      { seed: 1207, numRuns: 100 },
    );
  });
});

describe('three-way merge by id', () => {
  const base = { items: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'c', v: 3 }] } as Json;
  it('an insert on one side and an edit of a later item on the other: both, the item found by its id', () => {
    const ours = { items: [{ id: 'a', v: 1 }, { id: 'x', v: 9 }, { id: 'b', v: 2 }, { id: 'c', v: 3 }] } as Json;
    const theirs = { items: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'c', v: 30 }] } as Json;
    expect(merge3(base, ours, theirs)).toEqual({ doc: { items: [{ id: 'a', v: 1 }, { id: 'x', v: 9 }, { id: 'b', v: 2 }, { id: 'c', v: 30 }] }, conflicts: [] });
  });
  it('a deletion against an edit of the same item is a conflict (trimerge bug #27)', () => {
    const ours = { items: [{ id: 'a', v: 1 }, { id: 'c', v: 3 }] } as Json;
    const theirs = { items: [{ id: 'a', v: 1 }, { id: 'b', v: 20 }, { id: 'c', v: 3 }] } as Json;
    const r = merge3(base, ours, theirs);
    expect(r.conflicts).toMatchObject([{ key: '/items/[b]', ours: undefined, theirs: { id: 'b', v: 20 } }]);
    expect(merge3(base, ours, theirs, new Map([['/items/[b]', 'ours']])).doc).toEqual(ours);
  });
  it('both sides reorder differently: the order is one conflict', () => {
    const ours = { items: [{ id: 'b', v: 2 }, { id: 'a', v: 1 }, { id: 'c', v: 3 }] } as Json;
    const theirs = { items: [{ id: 'a', v: 1 }, { id: 'c', v: 3 }, { id: 'b', v: 2 }] } as Json;
    expect(merge3(base, ours, theirs).conflicts.map((c) => c.key)).toEqual(['/items#order']);
  });
});

describe('undo history survives a merge', () => {
  it('undo walks back the clerk’s own steps, the stored edits staying in every state', () => {
    const store = new DocumentStore(pingyang);
    const p0 = '/indicators/0/name';
    const p1 = '/indicators/1/name';
    store.execute(setValue(p0, '第一步'));
    store.execute(setValue(p1, '第二步'));
    const theirs = runSide(pingyang, [{ kind: 'set', place: ['name'], value: '他人改的方案名' }]);
    const { result, steps } = mergeHistory(store.saved, store.history(), theirs);
    expect(result.conflicts).toEqual([]);
    store.adopt(theirs, steps);
    expect(store.state.dirty).toBe(true);
    expect([getAt(store.doc, p0), getAt(store.doc, p1), getAt(store.doc, '/name')]).toEqual(['第一步', '第二步', '他人改的方案名']);
    expect(store.undo()).toBe(true);
    expect([getAt(store.doc, p0), getAt(store.doc, p1), getAt(store.doc, '/name')]).toEqual(['第一步', getAt(pingyang, p1), '他人改的方案名']);
    expect(store.undo()).toBe(true);
    expect(store.doc).toEqual(theirs);
    expect(store.state.dirty).toBe(false);
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(getAt(store.doc, p0)).toBe('第一步');
  });
});
