import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noStack, pingyi, root, tmp } from './run-cli.ts';

/** Issue #20 item 5: a misspelled key in a case file fails `pingyi test` instead of checking nothing. */
describe('pingyi test checks the case file itself', () => {
  const copy = (mutate: (c: Record<string, unknown>) => void): string => {
    const dir = join(tmp(), 'veto');
    cpSync(join(root, 'schemes/examples/veto'), dir, { recursive: true });
    const file = join(dir, 'cases/01-vetoes.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    mutate(c);
    writeFileSync(file, JSON.stringify(c, null, 2));
    return dir;
  };

  it('a unit total written `totl` fails with its pointer', () => {
    const dir = copy((c) => {
      const units = (c.expect as { units: Record<string, Record<string, unknown>> }).units;
      const [first] = Object.keys(units);
      units[first as string] = { totl: 12345 };
    });
    const r = pingyi('test', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ veto \/ 01-vetoes\.json/);
    expect(r.out).toMatch(/\/expect\/units\/[a-z]+\/totl/);
    expect(r.out).toContain('不认识的字段 totl');
    noStack(r.out + r.err);
  });

  it('`clases` beside `classes` fails at /expect/clases', () => {
    const dir = copy((c) => ((c.expect as Record<string, unknown>).clases = { satisfied: ['nobody'] }));
    const r = pingyi('test', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('/expect/clases');
  });

  it('the unchanged copy passes (the failures above come from the keys alone)', () => {
    const r = pingyi('test', copy(() => undefined));
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 passed, 0 failed');
  });
});
