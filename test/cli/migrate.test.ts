import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noStack, pingyi, root, tmp } from './run-cli.ts';

/** Issue #20 item 6: `pingyi migrate` upgrades a format-1 scheme in place or to --out, saying every change. */
function olderCopy(): string {
  const dir = join(tmp(), 'old');
  mkdirSync(dir);
  const doc = JSON.parse(readFileSync(join(root, 'schemes/examples/veto/scheme.json'), 'utf8')) as { classifications: Array<Record<string, unknown>> };
  // format 1: classes had neither kind nor ties (both veto classes are place classes with ties "error": only kind goes)
  for (const c of doc.classifications) delete c.kind;
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify(doc, null, 2));
  return dir;
}

describe('pingyi migrate', () => {
  it('upgrades in place, prints each change with its pointer, and the result validates', () => {
    const dir = olderCopy();
    expect(pingyi('validate', dir).err).toContain('format-outdated');
    const r = pingyi('migrate', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('/classifications/0/kind');
    expect(r.out).toContain('/classifications/1/kind');
    expect(r.out).toContain('/formatVersion');
    expect(r.out).toContain('格式版本 1 → 2');
    expect(JSON.parse(readFileSync(join(dir, 'scheme.json'), 'utf8')).formatVersion).toBe(2);
    expect(pingyi('validate', dir).code).toBe(0);
    // nothing left beside it, and a second run has nothing to do
    expect(readdirSync(dir)).toEqual(['scheme.json']);
    expect(pingyi('migrate', dir).out).toContain('已是当前格式');
  });

  it('--out writes a new scheme.json and leaves the original alone; never replaces a file', () => {
    const dir = olderCopy();
    const before = readFileSync(join(dir, 'scheme.json'), 'utf8');
    const out = join(dir, 'new');
    expect(pingyi('migrate', dir, '--out', out).code).toBe(0);
    expect(readFileSync(join(dir, 'scheme.json'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'scheme.json'))).toBe(true);
    const again = pingyi('migrate', dir, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
  });

  it('a file that is not a scheme is a problem with exit 1, and nothing is written', () => {
    const dir = join(tmp(), 'x');
    mkdirSync(dir);
    writeFileSync(join(dir, 'scheme.json'), '{"units": []}');
    const r = pingyi('migrate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not-a-scheme');
    noStack(r.err);
    expect(readFileSync(join(dir, 'scheme.json'), 'utf8')).toBe('{"units": []}');
    expect(readdirSync(dir)).toEqual(['scheme.json']);
  });
});
