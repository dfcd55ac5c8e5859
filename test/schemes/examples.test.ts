import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaseFile } from '../../cli/commands.ts';
import { loadScheme } from '../../cli/load-scheme.ts';

/** Every example scheme (one per language construct) validates without a problem and passes its hand-worked cases. */
const root = new URL('../../schemes/examples/', import.meta.url).pathname;
const examples = readdirSync(root).filter((d) => existsSync(join(root, d, 'scheme.json')));

it('has the examples of issue #10 §1', () => {
  expect(examples.sort()).toEqual(['band-classes', 'class-ties', 'computed-values', 'history-k-of-n', 'listed-selection', 'optional-caps', 'period-conditions', 'separate-pools', 'validity', 'validity-across-records', 'veto']);
});

describe.each(examples)('example %s', (id) => {
  const dir = join(root, id);
  it('validates without errors or warnings', () => {
    const loaded = loadScheme(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.scheme?.id).toBe(id);
  });
  const cases = readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.json'));
  it('has a case', () => expect(cases.length).toBeGreaterThanOrEqual(1));
  it.each(cases)('case %s', async (file) => {
    expect((await runCaseFile(dir, join(dir, 'cases', file))).failures).toEqual([]);
  });
});
