import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentStore, getAt, replaceDocument, setValue, type Json } from '../../../editor/src/document/index.ts';
import { commandFor } from './random-commands.ts';

const pingyang = JSON.parse(readFileSync('schemes/pingyang-2021/scheme.json', 'utf8')) as Json;
const text = (d: Json) => JSON.stringify(d);

describe('document store', () => {
  it('every command sequence undone gives back the exact document, and redone the exact result', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 25 }), (picks) => {
        const store = new DocumentStore(pingyang);
        const seen: string[] = [text(store.doc)];
        for (const pick of picks) {
          store.execute(commandFor(store.doc, pick));
          seen.push(text(store.doc));
        }
        for (let i = seen.length - 2; i >= 0; i--) {
          expect(store.undo()).toBe(true);
          expect(text(store.doc)).toBe(seen[i]);
        }
        expect(store.undo()).toBe(false);
        expect(store.state.dirty).toBe(false);
        for (let i = 1; i < seen.length; i++) {
          expect(store.redo()).toBe(true);
          expect(text(store.doc)).toBe(seen[i]);
        }
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });

  it('a new edit after undo drops the redo stack', () => {
    const store = new DocumentStore({ a: 1 });
    store.execute(setValue('/a', 2));
    store.undo();
    expect(store.state.canRedo).toBe(true);
    store.execute(setValue('/a', 3));
    expect(store.state.canRedo).toBe(false);
    expect(store.redo()).toBe(false);
  });

  it('typing in Monaco merges into one undo step until the burst ends', () => {
    const store = new DocumentStore({ a: 1 });
    store.execute(replaceDocument({ a: 2 }), { mergeKey: 'monaco' });
    store.execute(replaceDocument({ a: 3 }), { mergeKey: 'monaco' });
    store.endMerge();
    store.execute(replaceDocument({ a: 4 }), { mergeKey: 'monaco' });
    store.undo();
    expect(store.doc).toEqual({ a: 3 });
    store.undo();
    expect(store.doc).toEqual({ a: 1 });
    store.redo();
    expect(store.doc).toEqual({ a: 3 });
  });

  it('a failing command leaves document and history unchanged', () => {
    const store = new DocumentStore({ a: 1 });
    expect(() => store.execute(setValue('/x/y', 1))).toThrow();
    expect(store.doc).toEqual({ a: 1 });
    expect(store.state.canUndo).toBe(false);
  });

  it('notifies subscribers, tracks dirty against the saved document, and stops after unsubscribe', () => {
    const store = new DocumentStore(pingyang);
    const versions: number[] = [];
    const off = store.subscribe((s) => versions.push(s.version));
    store.execute(setValue('/indicators/0/points', 80));
    expect(store.state.dirty).toBe(true);
    expect(getAt(store.doc, '/indicators/0/points')).toBe(80);
    store.markSaved();
    expect(store.state.dirty).toBe(false);
    store.undo();
    expect(store.state.dirty).toBe(true);
    off();
    store.redo();
    expect(versions).toEqual([1, 1, 2]);
  });
});
