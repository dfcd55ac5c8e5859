/**
 * The compact result of `pingyi score --json` (issue #22, item 2): expanded by
 * the engine's reader it is the full result `--json --full` writes (parsed-equal),
 * it follows the generated JSON Schema (schemes/result.schema.json, fresh), and
 * it states each rule, clause and indicator once.
 */
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeSeason } from '../../bench/province/generate-province.ts';
import { mixSeason } from '../../bench/province/mix-season.ts';
import { COMPACT_FORMAT, COMPACT_FORMAT_VERSION, expandResult, resultJsonSchema } from '../../engine/index.ts';
import { pingyi, root, tmp } from './run-cli.ts';

const schemaFile = `${root}schemes/result.schema.json`;
const validate = new Ajv({ strict: false, allErrors: true }).compile(resultJsonSchema());

function both(files: string[]): { compact: Record<string, unknown>; full: Record<string, unknown>; sizes: [number, number] } {
  const c = pingyi('score', 'pingyang-2021', ...files, '--json');
  const f = pingyi('score', 'pingyang-2021', ...files, '--json', '--full');
  expect(c.code, c.err).toBe(0);
  expect(f.code, f.err).toBe(0);
  return { compact: JSON.parse(c.out) as Record<string, unknown>, full: JSON.parse(f.out) as Record<string, unknown>, sizes: [c.out.length, f.out.length] };
}

describe('pingyi score --json: the compact result', () => {
  it('schemes/result.schema.json is the generated schema (npm run schema:build)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(JSON.stringify(resultJsonSchema(), null, 2) + '\n');
  });

  it('expanded, equals --full on a generated season, split and mixed (seeded); follows the schema; much shorter', { timeout: 240_000 }, () => {
    const dir = tmp();
    const season = writeSeason(dir, { units: 120, parents: 9, votes: 12_000, cases: 3_000 }, 5);
    const { compact, full, sizes } = both(season.files);
    expect(compact.format).toBe(COMPACT_FORMAT);
    expect(compact.formatVersion).toBe(COMPACT_FORMAT_VERSION);
    expect(validate(compact), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const e = expandResult(compact);
    expect(e.ok && e.result).toEqual(full);
    expect(full.units as unknown[]).toHaveLength(120);
    // a rule's name and clause once in defs, not in every step that applies it
    const line = JSON.stringify(compact.units);
    const rules = (compact.defs as Array<Record<string, unknown>>).filter((d) => d.kind === 'rule');
    expect(rules.length).toBeGreaterThan(5);
    for (const d of rules) expect(line).not.toContain(JSON.stringify(d.source));
    expect(line.split('"$d":').length).toBeGreaterThan(120 * 20);
    expect(sizes[0]).toBeLessThan(sizes[1] * 0.6);
    // the same season as one mixed file: the same defs and units (the issues name another file and lines)
    const mixed = both(mixSeason(season, 9).files);
    expect(mixed.compact.units).toEqual(compact.units);
    expect(mixed.compact.defs).toEqual(compact.defs);
    const m = expandResult(mixed.compact);
    expect(m.ok && m.result).toEqual(mixed.full);
  });

  it('a shipped case: expanded equals --full; every unit and the scheme parts unchanged but the traces', () => {
    const { compact, full } = both(['schemes/pingyang-2021/cases/02-selection-and-classification.json']);
    const e = expandResult(compact);
    expect(e.ok && e.result).toEqual(full);
    for (const k of ['ok', 'issues', 'scheme', 'selections', 'rankings', 'classes', 'consequences', 'completeness', 'display']) expect(compact[k]).toEqual(full[k]);
  });

  it('the reader refuses what it cannot expand, as data with a pointer', () => {
    expect(expandResult([])).toMatchObject({ ok: false, issue: { code: 'result-format', path: '' } });
    expect(expandResult({ units: [] })).toMatchObject({ ok: false, issue: { path: '/format' } });
    expect(expandResult({ format: COMPACT_FORMAT, formatVersion: 99, defs: [] })).toMatchObject({ ok: false, issue: { path: '/formatVersion', message: { en: expect.stringContaining('99') } } });
    expect(expandResult({ format: COMPACT_FORMAT, formatVersion: 1 })).toMatchObject({ ok: false, issue: { path: '/defs' } });
    const dangling = { format: COMPACT_FORMAT, formatVersion: 1, defs: [], units: [{ unit: 'u', indicators: [{ $d: 0, points: 1, steps: [{ $d: 3 }] }] }] };
    expect(expandResult(dangling)).toMatchObject({ ok: false, issue: { path: '/units/0/indicators/0/$d' } });
  });
});
