import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldPlan, type Scheme } from '../../../engine/index.ts';

const pingyang = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;
const copy = (): Scheme => structuredClone(pingyang);
const factType = (s: Scheme, id: string) => s.factTypes.find((t) => t.id === id) as Scheme['factTypes'][number];

describe('foldPlan: which fact types may be summed into counts', () => {
  it('pingyang-2021: the two vote types (read only by vote-ratio with countField "count"), nothing else', () => {
    const plan = foldPlan(pingyang);
    expect(Object.keys(plan.types).sort()).toEqual(['network-vote', 'service-vote']);
    expect(plan.types['service-vote']).toEqual({ type: 'service-vote', countField: 'count', levelField: 'level', levels: ['satisfied', 'basic', 'dissatisfied'] });
  });

  it('a type named anywhere else in the scheme (here a selection reading network votes) is not foldable', () => {
    const s = copy();
    const sel = s.selections?.[0] as unknown as Record<string, unknown>;
    sel.note = 'network-vote';
    expect(Object.keys(foldPlan(s).types)).toEqual(['service-vote']);
  });

  it('a type used as an object key somewhere is not foldable either', () => {
    const s = copy();
    (s as unknown as Record<string, unknown>).extra = { 'service-vote': 1 };
    expect(Object.keys(foldPlan(s).types)).toEqual(['network-vote']);
  });

  it('a filter that reads the count, methods that disagree on the count field, or a vote-ratio without one: not foldable', () => {
    const s = copy();
    const text = JSON.stringify(s).replace('"fact":"period","operator":"equal","value":"h1"', '"fact":"count","operator":"equal","value":1');
    expect(Object.keys(foldPlan(JSON.parse(text) as Scheme).types)).toEqual(['network-vote']);
    const t = JSON.parse(JSON.stringify(s).replace('"countField":"count","factType":"network-vote"', '"factType":"network-vote"')) as Scheme;
    expect(Object.keys(foldPlan(t).types)).toEqual(['service-vote']);
  });

  it('a count field with a maximum (a sum could pass each part and fail the whole), a key, a date field: not foldable', () => {
    const s = copy();
    (factType(s, 'service-vote').fields.properties as Record<string, Record<string, unknown>>).count!.maximum = 100;
    factType(s, 'network-vote').key = ['unit'];
    expect(foldPlan(s).types).toEqual({});
    const d = copy();
    factType(d, 'service-vote').dateField = 'period';
    expect(Object.keys(foldPlan(d).types)).toEqual(['network-vote']);
  });
});
