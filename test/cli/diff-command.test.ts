import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Change, Impact, Scheme } from '../../engine/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const schemeA = join(root, 'schemes/pingyang-2021');
const dir = mkdtempSync(join(tmpdir(), 'pingyi-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Version B in a folder of its own, with the roster beside it: a valid complaint costs 2 points, and 1 满意单位 instead of 10. */
const schemeB = join(dir, 'pingyang-b');
mkdirSync(schemeB);
{
  const s = JSON.parse(readFileSync(join(schemeA, 'scheme.json'), 'utf8')) as Scheme;
  s.version = '1.1.0';
  const online = s.indicators[0]?.children?.[1]?.children?.[1]?.method;
  if (online?.kind !== 'deduction' || !online.rules[0]) throw new Error('pingyang-2021 changed shape');
  online.rules[0].points = { kind: 'fixed', value: 2 };
  (s.classifications![0] as { count?: number }).count = 1;
  writeFileSync(join(schemeB, 'scheme.json'), JSON.stringify(s, null, 2));
  copyFileSync(join(schemeA, 'roster.json'), join(schemeB, 'roster.json'));
}

function pingyi(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/pingyi.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, PINGYI_FROM_SOURCE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('pingyi diff', () => {
  it('--markdown prints the review-ready change list and exits 0', () => {
    const r = pingyi('diff', schemeA, schemeB, '--markdown');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## 方案差异 Scheme diff: `pingyang-2021` 1.0.0 → `pingyang-2021` 1.1.0');
    expect(r.stdout).toContain('- `~` 规则 “有效投诉”(valid-complaint)(指标 online-platform) 分值:1 → 2');
    expect(r.stdout).toContain('  - rule valid-complaint (indicator online-platform) points: 1 → 2');
    expect(r.stdout).toContain('classification satisfied count: 10 → 1');
    expect(r.stdout).not.toContain('### 影响 Impact');
  });

  it('prints plain text by default and accepts scheme.json paths', () => {
    const r = pingyi('diff', join(schemeA, 'scheme.json'), join(schemeB, 'scheme.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共 3 处变更 — 3 changes');
    expect(r.stdout).toContain('  ~ 方案版本:“1.0.0” → “1.1.0”');
  });

  it('exits 0 on no difference', () => {
    const r = pingyi('diff', schemeA, schemeA);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no semantic difference');
  });

  it('--json prints {changes} and, with --data, {changes, impact}', () => {
    const plain = JSON.parse(pingyi('diff', schemeA, schemeB, '--json').stdout) as { changes: Change[]; impact?: Impact };
    expect(plain.changes.map((c) => c.kind)).toEqual(['metadata-changed', 'rule-changed', 'classification-changed']);
    expect(plain.impact).toBeUndefined();

    // a scheme case without units is scored on the roster beside scheme B
    const withData = pingyi('diff', schemeA, schemeB, '--json', '--data', join(schemeA, 'cases/02-selection-and-classification.json'));
    expect(withData.status).toBe(0);
    const out = JSON.parse(withData.stdout) as { changes: Change[]; impact: Impact };
    const roster = JSON.parse(readFileSync(join(schemeA, 'roster.json'), 'utf8')) as { units: unknown[] };
    expect(out.impact.units).toHaveLength(roster.units.length);
    expect(out.impact.ok).toEqual({ before: true, after: true });
    // 10 满意单位 become 1: nine units leave the class
    expect(out.impact.classChanges.filter((c) => c.left.some((x) => x.id === 'satisfied'))).toHaveLength(9);
  });

  it('--markdown --data adds the impact table and the class changes', () => {
    const data = join(dir, 'data.json');
    writeFileSync(
      data,
      JSON.stringify({
        parents: [{ id: 'p1', name: '甲局', category: 'organ' }],
        units: ['a', 'b'].map((id) => ({ id, name: `${id}科`, parent: 'p1', category: 'organ' })),
        facts: [
          ...['a', 'b'].flatMap((unit) => ['h1', 'h2'].map((period) => ({ type: 'service-vote', unit, period, level: 'satisfied', count: 30 }))),
          { type: 'online-complaint', unit: 'a', date: '2021-03-01' },
        ],
      }),
    );
    const r = pingyi('diff', schemeA, schemeB, '--markdown', '--data', data);
    expect(r.status).toBe(0);
    // a: 50 + 5 + (5 − 1) + 0 + 20 = 79 under A, 50 + 5 + (5 − 2) + 0 + 20 = 78 under B; b: 80 under both
    expect(r.stdout).toContain('| a | a科 | 79 | 78 | −1 | 2 | 2 |');
    expect(r.stdout).toContain('- a a科:进入 不满意单位 (dissatisfied)、最不满意单位 (most-dissatisfied);离开 满意单位 (satisfied)、满意单位前三名 (satisfied-top-three)');
  });

  it('exits 1 without a stack trace when a scheme path is broken', () => {
    const r = pingyi('diff', schemeA, join(dir, 'no-such-scheme'), '--markdown');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('file-unreadable');
    expect(r.stderr).toContain('方案无效,无法比较 invalid scheme');
    noStackTrace(r.stderr);
  });

  it('exits 1 on an invalid scheme, printing its issues', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    const s = JSON.parse(readFileSync(join(schemeA, 'scheme.json'), 'utf8')) as Record<string, unknown>;
    delete s.indicators;
    writeFileSync(join(bad, 'scheme.json'), JSON.stringify(s));
    const r = pingyi('diff', bad, schemeA);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/错误 error \[[\w-]+\]/);
    noStackTrace(r.stderr);
  });

  it('exits 1 on bad data', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "facts": [ }');
    const data = pingyi('diff', schemeA, schemeB, '--data', broken);
    expect(data.status).toBe(1);
    expect(data.stderr).toContain('data-json-syntax');
    noStackTrace(data.stderr);

  });

  it('exits 2 on usage errors (issue 11: "diff usage errors exit 1 today")', () => {
    expect(pingyi('diff', schemeA).status).toBe(2);
    expect(pingyi('diff', schemeA, schemeB, '--json', '--markdown').status).toBe(2);
    expect(pingyi('diff', schemeA, schemeB, '--data').status).toBe(2);
    const unknown = pingyi('diff', schemeA, schemeB, '--html');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option: --html');
  });
});

describe('pingyi diff (issue 11): no bogus impact, whole values, one display precision', () => {
  /** Version C: the window moved a year on, so the 2021 data fails under it (outside-window). */
  const schemeC = join(dir, 'pingyang-c');
  mkdirSync(schemeC);
  {
    const s = JSON.parse(readFileSync(join(schemeA, 'scheme.json'), 'utf8')) as Scheme;
    s.version = '2.0.0';
    s.window = { ...s.window!, from: '2021-12-01', to: '2022-11-30' };
    writeFileSync(join(schemeC, 'scheme.json'), JSON.stringify(s, null, 2));
    copyFileSync(join(schemeA, 'roster.json'), join(schemeC, 'roster.json'));
  }

  it('--data refuses the impact when the data has errors under one version: exit 1, the errors and the side shown', () => {
    const data = join(dir, 'march.json');
    writeFileSync(data, JSON.stringify({ facts: [{ type: 'online-complaint', unit: 'p01-s03', date: '2021-03-01' }] }));
    const r = pingyi('diff', schemeA, schemeC, '--data', data);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/错误 error \[outside-window\] \S*march\.json \/facts\/0\/date/);
    expect(r.stderr).toContain('under scheme B');
    expect(r.stderr).not.toContain('under scheme A');
    // only the window is in the way: say how to compare the other rule changes
    expect(r.stderr).toContain('add --same-window');
    noStackTrace(r.stderr);

    // both versions on A's window: C differs from A in nothing else, so nobody moves
    const same = pingyi('diff', schemeA, schemeC, '--data', data, '--same-window');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('无单位变动 no unit moved');
    expect(same.stderr).toContain("impact scored on A's window");
  });

  it('--markdown prints a long changed value whole, and a replaced method with its new parameters', () => {
    const r = pingyi('diff', 'wenzhou-2023', 'wenzhou-2024', '--markdown');
    expect(r.status).toBe(0);
    // the one-line summary of the soe owners is cut; the full value follows as JSON
    const owners = r.stdout.indexOf('`/categories/3/owners`');
    const block = r.stdout.slice(owners, r.stdout.indexOf('\n- ', owners));
    expect(block).toContain('B 完整取值 full value:');
    expect(block).toContain('"indicator": "supervisor"');
    expect(block).not.toContain('…');
    // performance: reported-score → rank-to-grade, with rank-to-grade's adjustments shown
    const perf = r.stdout.indexOf('计分方法:“reported-score” → “rank-to-grade”');
    expect(perf).toBeGreaterThan(0);
    const method = r.stdout.slice(perf, r.stdout.indexOf('\n- ', perf));
    expect(method).toContain('"kind": "rank-to-grade"');
    expect(method).toContain('"id": "info-not-reported"');
  });

  it('totals in --json at the declared display precision of the new version (display.digits 2: 92.025 → 92.03, 四舍五入)', () => {
    const schemeD = join(dir, 'pingyang-d');
    mkdirSync(schemeD);
    const s = JSON.parse(readFileSync(join(schemeA, 'scheme.json'), 'utf8')) as Scheme;
    s.display = { digits: 2 };
    writeFileSync(join(schemeD, 'scheme.json'), JSON.stringify(s, null, 2));
    copyFileSync(join(schemeA, 'roster.json'), join(schemeD, 'roster.json'));
    const r = pingyi('diff', schemeA, schemeD, '--json', '--data', join(schemeA, 'cases/01-every-indicator.json'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { impact: Impact; display: { digits: number } };
    expect(out.display.digits).toBe(2);
    // case 01: unit a totals 92.025 (cases/01-every-indicator.json)
    expect(out.impact.units.find((u) => u.unit === 'a')?.total).toEqual({ before: 92.03, after: 92.03 });
  });
});
