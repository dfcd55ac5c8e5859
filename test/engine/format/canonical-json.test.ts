import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareCodePoints, DEFAULT_SCHEME_KEY_ORDER } from '../../../engine/format/canonical-json.ts';

const FC = { seed: 42, numRuns: 300 };

describe('canonicalJson', () => {
  it('orders keys: keyOrder first, then code-point order, at every depth', () => {
    const out = canonicalJson({ zeta: 1, b: { z: 1, id: 'x', a: 2 }, id: 'root', Alpha: 0, name: '名称' }, { keyOrder: ['id', 'name'] });
    expect(out).toBe(['{', '  "id": "root",', '  "name": "名称",', '  "Alpha": 0,', '  "b": {', '    "id": "x",', '    "a": 2,', '    "z": 1', '  },', '  "zeta": 1', '}', ''].join('\n'));
  });

  it('sorts purely by code point without keyOrder, astral characters last', () => {
    const out = canonicalJson({ '\u{20000}': 1, '\uffff': 2, b: 3, B: 4 });
    expect(Object.keys(JSON.parse(out))).toEqual(['B', 'b', '\uffff', '\u{20000}']);
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
  });

  it('puts identity first with DEFAULT_SCHEME_KEY_ORDER', () => {
    const out = canonicalJson({ points: 5, description: 'd', name: '日常评议', id: 'daily', kind: 'indicator', $schema: 's', extra: true }, { keyOrder: DEFAULT_SCHEME_KEY_ORDER });
    expect(Object.keys(JSON.parse(out))).toEqual(['$schema', 'id', 'kind', 'name', 'description', 'points', 'extra']);
  });

  it('keeps Chinese readable and escapes like JSON.stringify', () => {
    const out = canonicalJson({ name: '平阳县“三服务”评议', ctl: 'a\u0001"\\\n' });
    expect(out).toContain('"name": "平阳县“三服务”评议"');
    expect(out).toContain('"ctl": "a\\u0001\\"\\\\\\n"');
  });

  it('prints numbers as JS does', () => {
    expect(canonicalJson([1.5, 2.0, 1e21, 0.1, -0, 1e-7])).toBe('[1.5, 2, 1e+21, 0.1, 0, 1e-7]\n');
  });

  it('prints arrays of primitives on one line when they fit in 100 columns', () => {
    expect(canonicalJson({ tags: ['a', 'b', null, true, 3] })).toBe('{\n  "tags": ["a", "b", null, true, 3]\n}\n');
    const long = Array.from({ length: 20 }, (_, i) => `unit-${i}`);
    const out = canonicalJson({ units: long });
    expect(out.split('\n')).toHaveLength(long.length + 5);
    expect(out).toContain('\n    "unit-0",\n');
    for (const line of canonicalJson({ x: Array.from({ length: 12 }, () => 'abcde') }).split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('counts Chinese characters as two columns', () => {
    const ascii = Array.from({ length: 7 }, () => 'abcdefgh'); // `  "k": ["abcdefgh", …]` is 91 columns
    expect(canonicalJson({ k: ascii }).split('\n')).toHaveLength(4);
    const wide = Array.from({ length: 7 }, () => '发展规划综合科室'); // as many characters, but 147 columns
    expect(canonicalJson({ k: wide }).split('\n')).toHaveLength(12);
  });

  it('prints arrays holding objects or arrays over several lines', () => {
    expect(canonicalJson({ rows: [{ b: 1, a: [1, 2] }, {}], grid: [[1], []] })).toBe(
      ['{', '  "grid": [', '    [1],', '    []', '  ],', '  "rows": [', '    {', '      "a": [1, 2],', '      "b": 1', '    },', '    {}', '  ]', '}', ''].join('\n'),
    );
  });

  it('drops undefined properties and follows toJSON like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, d: new Date(0), list: [undefined] })).toBe('{\n  "d": "1970-01-01T00:00:00.000Z",\n  "list": [null]\n}\n');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });

  it('round-trips: parse(canonical(x)) deep-equals x', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        // JSON itself cannot keep -0; compare with what JSON.stringify keeps
        expect(JSON.parse(canonicalJson(x))).toEqual(JSON.parse(JSON.stringify(x)));
      }),
      FC,
    );
  });

  it('is idempotent and independent of key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const once = canonicalJson(x, { keyOrder: DEFAULT_SCHEME_KEY_ORDER });
        expect(canonicalJson(JSON.parse(once), { keyOrder: DEFAULT_SCHEME_KEY_ORDER })).toBe(once);
        expect(canonicalJson(reverseKeys(x), { keyOrder: DEFAULT_SCHEME_KEY_ORDER })).toBe(once);
        expect(once.endsWith('\n')).toBe(true);
      }),
      FC,
    );
  });
});

function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a "__proto__" key must stay an own property
  for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: reverseKeys((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out;
}
