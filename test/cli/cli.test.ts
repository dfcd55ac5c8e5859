import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmp } from './run-cli.ts';

const root = new URL('../../', import.meta.url).pathname;
const pingyi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/pingyi.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, PINGYI_FROM_SOURCE: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const pingyang = () => JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/scheme.json'), 'utf8'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('pingyi CLI (real process)', () => {
  it('validate: exit 0 on the shipped scheme', () => {
    const r = pingyi('validate', 'schemes/pingyang-2021');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pingyang-2021');
  });

  it('validate: a broken points sum, a dangling reference and a quota over 100% each name their JSON Pointer; exit 1', () => {
    const s = pingyang();
    s.indicators[0].children[3].points = 25;
    s.indicators[1].requires.selection = 'nowhere';
    s.indicators[0].children[2].method.quota.rule = { kind: 'shares', rounding: 'floor', shares: [{ grade: 'excellent', percent: 70, bound: 'at-most' }, { grade: 'good', percent: 40, bound: 'at-most' }] };
    const dir = tmp();
    writeFileSync(join(dir, 'scheme.json'), JSON.stringify(s));
    const r = pingyi('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[points-sum]');
    expect(r.err).toContain('/indicators/0/children');
    expect(r.err).toContain('[unknown-selection]');
    expect(r.err).toContain('/indicators/1/requires/selection');
    expect(r.err).toContain('[quota-over-100]');
    expect(r.err).toContain('/indicators/0/children/2/method/quota/rule/shares');
    noStack(r.err);
  });

  it('validate: malformed JSON names the line; exit 1, no stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scheme.json'), '{\n  "id": "x",\n  "name": \n}\n');
    const r = pingyi('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/json-syntax/);
    expect(r.err).toMatch(/第 4 行|line 4/);
    noStack(r.err);
  });

  it('score: explains a unit with points that add up to the printed total', () => {
    const r = pingyi('score', 'schemes/pingyang-2021', 'schemes/pingyang-2021/cases/01-every-indicator.json', '--explain', 'a');
    expect(r.code).toBe(0);
    expect(r.out).toContain('总成绩 total 92.025');
    expect(r.out).toMatch(/折算 scale 84\.5 ÷ 100 × 5 = 4\.225/);
    expect(r.out).toMatch(/组 conduct「作风投诉」合计 -12,限 10/);
  });

  it('score --json: a data file with a fact of an unknown type and a date outside the window → file, pointer, exit 1', () => {
    const dir = tmp();
    const data = join(dir, 'facts.csv');
    writeFileSync(data, 'type,unit,channel,level,severe,date\nsupervision-finding,p01-s01,inspection,city,false,2021-12-20\nbogus,p01-s01,,,,\n');
    const r = pingyi('score', 'schemes/pingyang-2021', data, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { ok: boolean; issues: Array<{ code: string; path: string; file?: string; line?: number }> };
    expect(out.ok).toBe(false);
    expect(out.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'outside-window', path: '/facts/0/date', file: data, line: 2 }),
        expect.objectContaining({ code: 'unknown-fact-type', path: '/facts/1/type', file: data, line: 3 }),
      ]),
    );
  });

  it('score: a bad number in CSV is reported with its line, never a crash', () => {
    const dir = tmp();
    const data = join(dir, 'r.csv');
    writeFileSync(data, 'type,unit,score\nsupervisor-rating,p01-s01,four\n');
    const r = pingyi('score', 'schemes/pingyang-2021', data);
    expect(r.code).toBe(1);
    expect(r.err).toContain('data-csv-number');
    noStack(r.err);
  });

  it('test: runs the scheme cases', () => {
    const r = pingyi('test', 'schemes/pingyang-2021');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ passed, 0 failed/);
  });

  it('fmt --check: the shipped schemes are canonically formatted', () => {
    const r = pingyi('fmt', '--check', ...['pingyang-2021', 'wenzhou-2023', 'wenzhou-2024', 'nanyang-2014'].map((id) => `schemes/${id}/scheme.json`));
    expect(r.err + r.out).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('unknown command: usage and exit 2', () => {
    const r = pingyi('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage');
  });
});
