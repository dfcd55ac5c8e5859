import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = new URL('../../engine/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const schemeIds = readdirSync(new URL('../../schemes/', import.meta.url).pathname).filter((d) => !d.includes('.') && d !== 'examples');

describe('engine/ is pure and generic', () => {
  const sources = files(engineDir).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it('imports no file system, server, store or UI', () => {
    for (const { f, text } of sources) {
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
      for (const i of imports) expect([f, i]).not.toEqual([f, expect.stringMatching(/^(node:|fs$|path$|express|lowdb|react)/)]);
    }
  });

  it('names no scheme id, jurisdiction or document year', () => {
    const banned = [...schemeIds, '平阳', '温州', '南阳', 'pingyang', 'wenzhou', 'nanyang'];
    for (const { f, text } of sources) {
      for (const b of banned) expect([f, text.includes(b)]).toEqual([f, false]);
      expect([f, /\b20(1\d|2\d)\b/.test(text)]).toEqual([f, false]);
    }
  });

  it('points its layers one way: facts/ below methods/ and run/, methods/ never reaching into run/, expr/ and periods/ below both', () => {
    const below: Record<string, readonly string[]> = {
      facts: ['run', 'methods'],
      methods: ['run'],
      // computed values and period conditions sit beside conditions/: methods and validate use them, never the reverse
      expr: ['run', 'methods', 'validate'],
      periods: ['run', 'methods', 'validate', 'expr'],
    };
    for (const { f, text } of sources) {
      const layer = f.slice(engineDir.length).split('/')[0] as string;
      const banned = below[layer];
      if (banned === undefined) continue;
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
      for (const i of imports) for (const b of banned) expect([f, i.startsWith(`../${b}/`)]).toEqual([f, false]);
    }
  });

  it('keeps the public surface explicit: engine/index.ts only re-exports', () => {
    const index = readFileSync(join(engineDir, 'index.ts'), 'utf8');
    const code = index.split('\n').filter((l) => l.trim() && !l.trim().startsWith('*') && !l.trim().startsWith('/**') && !l.trim().startsWith('//'));
    for (const l of code) expect(l).toMatch(/^export (type )?\{|^export \*|^\s|^\}/);
  });
});
