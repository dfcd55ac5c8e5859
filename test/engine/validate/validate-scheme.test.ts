import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScheme, type Scheme } from '../../../engine/index.ts';

const pingyang = (): Scheme => JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;
const codesAt = (doc: unknown) => validateScheme(doc).issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path]);

describe('validateScheme: structure (ajv) with paths and bilingual messages', () => {
  it('accepts the shipped pingyang-2021', () => {
    const v = validateScheme(pingyang());
    expect(v.issues).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('points at a missing property, an unknown property and a wrong kind', () => {
    const s = pingyang() as unknown as Record<string, unknown>;
    delete s.totalPoints;
    (s as { extra?: number }).extra = 1;
    const issues = validateScheme(s).issues;
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['schema-required', '/totalPoints'],
        ['schema-additionalProperties', '/extra'],
      ]),
    );
    for (const i of issues) {
      expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
  });

  it('reports an unknown method kind once, at the method', () => {
    const s = pingyang();
    (s.indicators[1] as { method: unknown }).method = { kind: 'magic' };
    const issues = validateScheme(s).issues;
    expect(issues.length).toBe(1);
    expect(issues[0]?.path).toBe('/indicators/1/method/kind');
  });
});

describe('validateScheme: semantics', () => {
  it('rejects a broken points sum at the parent and at the top', () => {
    const s = pingyang();
    const daily = s.indicators[0] as { children: Array<{ points?: number }> };
    (daily.children[3] as { points: number }).points = 25; // supervision 20 → 25
    expect(codesAt(s)).toEqual(
      expect.arrayContaining([
        ['points-sum', '/indicators/0/children'],
      ]),
    );
  });

  it('rejects a dangling reference to a fact type, a group, a selection and a class', () => {
    const s = pingyang();
    const rule = ((s.indicators[0] as { children: Array<{ children?: Array<{ method?: { rules: Array<{ factType: string; group?: string }> } }> }> }).children[1]?.children?.[0]?.method?.rules ?? [])[0] as { factType: string; group?: string };
    rule.factType = 'nope';
    rule.group = 'nowhere';
    (s.indicators[1] as { requires: { selection: string } }).requires.selection = 'missing-round';
    (s.consequences ?? [])[0]!.class = 'ghost';
    expect(codesAt(s)).toEqual(
      expect.arrayContaining([
        ['unknown-fact-type', '/indicators/0/children/1/children/0/method/rules/0/factType'],
        ['unknown-group', '/indicators/0/children/1/children/0/method/rules/0/group'],
        ['unknown-selection', '/indicators/1/requires/selection'],
        ['unknown-class', '/consequences/0/class'],
      ]),
    );
  });

  it('rejects a quota over 100%, a reversed range and duplicate ids', () => {
    const s = pingyang();
    const sup = (s.indicators[0] as { children: Array<{ method?: Record<string, unknown> }> }).children[2]!.method!;
    sup.quota = { scope: { kind: 'parent' }, rule: { kind: 'shares', rounding: 'floor', shares: [{ grade: 'excellent', percent: 60, bound: 'at-most' }, { grade: 'good', percent: 60, bound: 'at-most' }] }, source: 't' };
    const supervision = (s.indicators[0] as { children: Array<{ method?: { rules: Array<Record<string, unknown>> } }> }).children[3]!.method!;
    supervision.rules.push({ id: 'inspection-finding', name: 'dup', source: 't', factType: 'supervision-finding', points: { kind: 'range', min: 5, max: 3, field: 'level' } });
    expect(codesAt(s)).toEqual(
      expect.arrayContaining([
        ['quota-over-100', '/indicators/0/children/2/method/quota/rule/shares'],
        ['duplicate-id', '/indicators/0/children/3/method/rules/5/id'],
        ['range-order', '/indicators/0/children/3/method/rules/5/points'],
      ]),
    );
  });

  it('checks condition operators and fact names against the fact type', () => {
    const s = pingyang();
    const supervision = (s.indicators[0] as { children: Array<{ method?: { rules: Array<{ when?: unknown }> } }> }).children[3]!.method!;
    supervision.rules[0]!.when = { all: [{ fact: 'chanel', operator: 'equal', value: 'inspection' }] };
    const issues = validateScheme(s).issues.filter((i) => i.severity === 'error');
    expect(issues.length).toBe(1);
    expect(issues[0]?.path).toMatch(/^\/indicators\/0\/children\/3\/method\/rules\/0\/when\/all\/0/);
  });

  it('resolves assumption pointers', () => {
    const s = pingyang();
    s.assumptions!.push({ id: 'x', pointer: '/indicators/9/points', clause: 't', note: '无' });
    expect(codesAt(s)).toEqual([['dangling-pointer', `/assumptions/${s.assumptions!.length - 1}/pointer`]]);
  });

  it('rejects a selection or a proportional basis that only exists after a selection (no self-reference)', () => {
    const s = pingyang();
    s.selections![0]!.basis = { kind: 'indicator', id: 'network' };
    (s.indicators[1] as { requires: { otherwise: unknown } }).requires.otherwise = { kind: 'proportional', basis: 'network' };
    expect(codesAt(s)).toEqual(
      expect.arrayContaining([
        ['basis-after-selection', '/selections/0/basis/id'],
        ['basis-after-selection', '/indicators/1/requires/otherwise/basis'],
      ]),
    );
  });
});
