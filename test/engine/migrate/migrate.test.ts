import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, migrateScheme, validateScheme } from '../../../engine/index.ts';

/** Issue #20 item 6: older scheme documents are upgraded step by step, every change reported with its pointer. */
const root = new URL('../../../schemes/', import.meta.url);
const dirs = [
  ...readdirSync(root).filter((d) => existsSync(new URL(`${d}/scheme.json`, root))),
  ...readdirSync(new URL('examples/', root)).map((d) => `examples/${d}`),
];
const shipped = dirs.map((d) => ({ d, doc: JSON.parse(readFileSync(new URL(`${d}/scheme.json`, root), 'utf8')) as Record<string, unknown> }));

type Cls = Record<string, unknown>;
/**
 * Format 1 had no `kind` (every class was by place) and no `ties` (the cut followed the ranking's order): a place
 * class loses its kind, and its ties too when they are `ranking`; a hand-edited file may have kept ties.
 */
const olderable = (c: Cls) => c.kind === 'place';

describe('migrateScheme', () => {
  it('property: an older shape made from any shipped scheme migrates back to it, and then validates as cleanly as the original', () => {
    const withPlaces = shipped.filter((s) => ((s.doc.classifications as Cls[] | undefined) ?? []).some(olderable));
    expect(withPlaces.length).toBeGreaterThanOrEqual(3);
    const original = new Map(withPlaces.map((s) => [s.d, validateScheme(s.doc).issues]));
    fc.assert(
      fc.property(fc.constantFrom(...withPlaces), fc.infiniteStream(fc.boolean()), fc.constantFrom('absent', 1), ({ d, doc }, picks, version) => {
        const older = structuredClone(doc);
        const classes = older.classifications as Cls[];
        const changed: string[] = [];
        classes.forEach((c, i) => {
          if (!olderable(c) || !picks.next().value) return;
          delete c.kind;
          changed.push(`/classifications/${i}/kind`);
          if (c.ties === 'ranking' && picks.next().value) {
            delete c.ties;
            changed.push(`/classifications/${i}/ties`);
          }
        });
        delete older.formatVersion;
        if (version === 1) older.formatVersion = 1;

        const m = migrateScheme(older);
        expect(m.issues).toEqual([]);
        expect(m.from).toBe(1);
        expect(m.value).toEqual({ ...doc, formatVersion: FORMAT_VERSION });
        // every change is said, at its pointer, and nothing else changed
        expect(m.changes.map((c) => c.path)).toEqual([...changed, '/formatVersion']);
        expect(validateScheme(m.value).issues).toEqual(original.get(d));
        // the original document is untouched, and a second run changes nothing
        expect(older.formatVersion).toBe(version === 1 ? 1 : undefined);
        expect(migrateScheme(m.value).changes).toEqual([]);
      }),
      { seed: 20_6, numRuns: 60 },
    );
  });

  it('an older shape does not validate as it is, and validate says to migrate first', () => {
    const doc = structuredClone(shipped.find((s) => s.d === 'pingyang-2021')?.doc) as Record<string, unknown>;
    for (const c of doc.classifications as Cls[]) {
      if (!olderable(c)) continue;
      delete c.kind;
      if (c.ties === 'ranking') delete c.ties;
    }
    const v = validateScheme(doc);
    expect(v.ok).toBe(false);
    expect(v.issues[0]?.code).toBe('format-outdated');
    expect(v.issues[0]?.path).toBe('');
    expect(v.issues[0]?.message.zh).toContain('pingyi migrate');
  });

  it('property: anything that is not a scheme is a problem, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const isScheme = value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as Record<string, unknown>).indicators);
        const m = migrateScheme(value);
        if (!isScheme) expect(m.issues.map((i) => [i.code, i.path])).toEqual([['not-a-scheme', '']]);
        expect(m.value === undefined).toBe(m.issues.length > 0);
      }),
      { seed: 2006, numRuns: 300 },
    );
  });

  it('a version from the future or not a number is refused at /formatVersion', () => {
    const doc = shipped[0]?.doc as Record<string, unknown>;
    expect(migrateScheme({ ...doc, formatVersion: FORMAT_VERSION + 1 }).issues.map((i) => [i.code, i.path])).toEqual([['format-too-new', '/formatVersion']]);
    expect(migrateScheme({ ...doc, formatVersion: 'v2' }).issues.map((i) => [i.code, i.path])).toEqual([['bad-format-version', '/formatVersion']]);
    expect(validateScheme({ ...doc, formatVersion: FORMAT_VERSION + 1 }).issues.map((i) => i.code)).toEqual(['format-too-new']);
    expect(validateScheme({ ...doc, formatVersion: FORMAT_VERSION }).issues).toEqual(validateScheme(doc).issues);
  });
});
