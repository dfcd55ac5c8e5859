/**
 * Issue 11 / issue 10 §4 through the real process: schemes with non-finite numbers or field names
 * inherited from Object.prototype do not validate, and an NDJSON record kind taken from the
 * prototype is a located problem, not "Cannot read properties of undefined".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noStack, pingyi, root, tmp } from './run-cli.ts';

const pingyangText = () => readFileSync(join(root, 'schemes/pingyang-2021/scheme.json'), 'utf8');

describe('hostile schemes and data through the CLI', () => {
  it('points of 1e999 (Infinity once parsed) are refused by validate with the pointer, exit 1', () => {
    const dir = tmp();
    // the first indicator's points, written as a literal JSON.stringify could never produce
    const text = pingyangText().replace('"points": 85', '"points": 1e999');
    expect(text).toContain('1e999');
    writeFileSync(join(dir, 'scheme.json'), text);
    const r = pingyi('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('/indicators/0/points');
    noStack(r.err);
  });

  it('a dateField named after an inherited property ("toString") is refused, exit 1', () => {
    const dir = tmp();
    const text = pingyangText().replace('"dateField": "date"', '"dateField": "toString"');
    writeFileSync(join(dir, 'scheme.json'), text);
    const r = pingyi('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/toString/);
    noStack(r.err);
  });

  it('an NDJSON line {"record":"toString"} is a located data-ndjson-record error, exit 1', () => {
    const dir = tmp();
    const file = join(dir, 'data.ndjson');
    writeFileSync(file, '{"record":"toString"}\n');
    const r = pingyi('score', 'pingyang-2021', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[data-ndjson-record]');
    expect(r.err).toContain('line 1');
    expect(r.err).not.toContain('Cannot read properties');
    noStack(r.err);
  });

  it('pingyi fmt on JSON nested 2,000 levels deep reports json-too-deep with its path, exit 1, no internal error', () => {
    const dir = tmp();
    const file = join(dir, 'scheme.json');
    writeFileSync(file, `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`);
    const r = pingyi('fmt', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[json-too-deep]');
    expect(r.err).not.toContain('内部错误');
    noStack(r.err);
  });
});
