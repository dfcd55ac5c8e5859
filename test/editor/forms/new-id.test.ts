/** Issue 18 item 2: ids made from Chinese names, readable, valid and unique; never typed by a clerk. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldKey, newId, slugOf, takenIds } from '../../../editor/src/forms/new-id.ts';
import { loadScheme } from '../document/shipped-docs.ts';

// the format's Id (engine/scheme/common.ts)
const ID = /^[a-z0-9][a-z0-9-]*$/;

describe('ids from Chinese names', () => {
  it('reads as the pinyin of the name, with the kind in front', () => {
    expect(slugOf('被市级以上媒体曝光')).toBe('bei-shi-ji-yi-shang-mei-ti-bao-guang');
    expect(newId('rule', '一票否决', new Set())).toBe('rule-yi-piao-fou-jue');
    expect(newId('fact', 'A类单位 2021年', new Set())).toBe('fact-a-lei-dan-wei-2021-nian');
    // nothing to read: the prefix alone, still valid
    expect(newId('rule', '——', new Set())).toBe('rule');
  });

  it('adds -2, -3… on a clash with any id of the document', () => {
    const taken = takenIds(loadScheme('pingyang-2021'));
    expect(taken.has('supervision')).toBe(true);
    taken.add('rule-yi-piao-fou-jue');
    expect(newId('rule', '一票否决', taken)).toBe('rule-yi-piao-fou-jue-2');
    expect(newId('rule', '一票否决', taken)).toBe('rule-yi-piao-fou-jue-3');
  });

  it('is always a valid id, never one already taken, for any name (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'被市级媒体曝光一票否决长乐abcXYZ 0129-_/~《》,。') }), { minLength: 1, maxLength: 8 }), (names) => {
        const taken = new Set<string>(['rule']);
        const made = names.map((n) => newId('rule', n, taken));
        expect(new Set(made).size).toBe(made.length);
        for (const id of made) expect(id).toMatch(ID);
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it('a field key is unique among the fields and starts with a letter', () => {
    expect(fieldKey('日期', ['ri_qi'])).toBe('ri_qi_2');
    expect(fieldKey('2021年', [])).toBe('f_2021_nian');
  });
});
