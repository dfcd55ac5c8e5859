import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaseFile } from '../../cli/commands.ts';
import { loadScheme } from '../../cli/load-scheme.ts';

/** Every shipped scheme validates and passes its hand-checked cases (the same as `pingyi test`). */
const root = new URL('../../schemes/', import.meta.url).pathname;
const schemes = readdirSync(root).filter((d) => existsSync(join(root, d, 'scheme.json')));

describe.each(schemes)('scheme %s', (id) => {
  const dir = join(root, id);
  it('validates without errors', () => {
    const loaded = loadScheme(dir);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.scheme?.id).toBe(id);
  });

  const cases = existsSync(join(dir, 'cases')) ? readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.json') && !f.endsWith('.input.json')) : [];
  it('has at least 3 cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases)('case %s', async (file) => {
    const r = await runCaseFile(dir, join(dir, 'cases', file));
    expect(r.failures).toEqual([]);
  });
});
