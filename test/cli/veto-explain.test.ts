import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingyi, root, tmp } from './run-cli.ts';

/** Issue #20 item 5: vetoes show in the table and in --explain; --explain after scoring errors tells the truth. */
const example = 'schemes/examples/veto';
const caseFile = join(example, 'cases/01-vetoes.json');

describe('vetoes in the table and the explanation', () => {
  it('the table marks each vetoed unit (否决:…) and --explain names the veto, its fact and clause', () => {
    const r = pingyi('score', example, caseFile, '--explain', 'c');
    expect(r.code).toBe(0);
    // example 三(二): c's verified accident forces 不满意; 三(三): b canvassed; 三(四): p2's discipline case reaches e and f
    expect(r.out).toMatch(/\n\S+\s+c\s+c科.*不满意单位;否决:重大责任事故一票否决/);
    expect(r.out).toMatch(/\n\S+\s+b\s+b科.*否决:拉票取消满意资格/);
    expect(r.out).toMatch(/\n\S+\s+e\s+e科.*否决:主管单位违纪/);
    expect(r.out).toMatch(/\n\S+\s+a\s+a科(?!.*否决)/);
    expect(r.out).toContain('一票否决 veto:重大责任事故一票否决(直接定等 forced into a class)← 事实 fact /facts/');
  });

  it('--explain after scoring errors says the run failed, not that a unit in the roster is missing from it', () => {
    const c = JSON.parse(readFileSync(join(root, caseFile), 'utf8')) as { input: { facts: Array<{ type: string; unit?: string }> } };
    // a's reported score is gone: the scheme says a missing score is an error (missing: "error")
    c.input.facts = c.input.facts.filter((f) => !(f.type === 'score' && f.unit === 'a'));
    const file = join(tmp(), 'no-score-for-a.json');
    writeFileSync(file, JSON.stringify(c.input));
    const r = pingyi('score', example, file, '--explain', 'a');
    expect(r.code).toBe(1);
    expect(r.err).toContain('计分有错误,无法说明单位 a 的得分');
    expect(r.err).not.toContain('不在名单中');
    // a unit truly absent is still said to be absent
    expect(pingyi('score', example, file, '--explain', 'nobody').err).toContain('单位 nobody 不在名单中');
  });
});
