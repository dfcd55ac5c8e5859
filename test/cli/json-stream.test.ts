/**
 * `pingyi score --json` writes its result piece by piece (cli/json-stream.ts):
 * the text must be exactly JSON.stringify(result, null, 2), whatever the
 * output's backpressure; `--timings` adds one line the bench parses.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandResult, type Completeness, type RunResult } from '../../engine/index.ts';
import { writeJson, type Sink } from '../../cli/json-stream.ts';
import { pingyi, tmp } from './run-cli.ts';

/** A sink that says "wait" now and then and drains later, like a pipe to a slow reader. */
function slowSink(seed: number): Sink & { text(): string } {
  const parts: string[] = [];
  const listeners = new Map<string, Array<() => void>>();
  let n = seed;
  const sink = {
    write(s: string) {
      parts.push(s);
      n = (n * 1103515245 + 12345) % 2147483648;
      if (n % 3 !== 0) return true;
      setTimeout(() => {
        const l = listeners.get('drain') ?? [];
        listeners.set('drain', []);
        l.forEach((f) => f());
      }, 0);
      return false;
    },
    once(event: string, f: () => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), f]);
      return sink;
    },
    removeListener(event: string, f: () => void) {
      listeners.set(event, (listeners.get(event) ?? []).filter((x) => x !== f));
      return sink;
    },
    text: () => parts.join(''),
  };
  return sink;
}

describe('writeJson: the text of JSON.stringify(value, null, 2), written piece by piece', () => {
  it('property: any object with any array of elements, any backpressure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue(), { maxLength: 30 }), fc.string(), fc.nat(), async (rest, units, key, seed) => {
        const top = { ...rest, [key]: units };
        const sink = slowSink(seed);
        await writeJson(sink, { ...top, [key]: [] }, key, units.length, (i) => units[i]);
        expect(sink.text()).toBe(JSON.stringify(top, null, 2) + '\n');
      }),
      { seed: 20211126, numRuns: 200 },
    );
  });

  it('property: compact items and compact arrays read back as the same value, one element per line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 12 }), fc.array(fc.jsonValue(), { maxLength: 12 }), fc.nat(), async (issues, units, seed) => {
        const top = { ok: true, issues, units, after: { n: 1 } };
        const sink = slowSink(seed);
        await writeJson(sink, { ...top, units: [] }, 'units', units.length, (i) => units[i], { compactItems: true, compactArrays: ['issues'] });
        const text = sink.text();
        // JSON.parse(JSON.stringify(x)) is x up to -0, which JSON writes as 0
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(top)));
        const lines = text.split('\n');
        for (const [key, list] of [['issues', issues], ['units', units]] as const) {
          const at = lines.indexOf(`  "${key}": [`);
          if (list.length === 0) expect(lines).toContain(`  "${key}": [],`);
          else expect(lines.slice(at + 1, at + 1 + list.length)).toEqual(list.map((x, i) => `    ${JSON.stringify(x)}${i < list.length - 1 ? ',' : ''}`));
        }
      }),
      { seed: 20211127, numRuns: 200 },
    );
  });

  it('large units (≈ 1 MB of text each) and values JSON leaves out (undefined keys)', async () => {
    const big = { id: 'u', steps: Array.from({ length: 20_000 }, (_, i) => ({ kind: 'rule', points: i / 7, note: '扣分 deduction' })) };
    const top = { ok: true, skipped: undefined, units: [big, big], display: { digits: 2 } };
    const sink = slowSink(7);
    await writeJson(sink, { ...top, units: [] }, 'units', 2, () => big);
    expect(sink.text()).toBe(JSON.stringify(top, null, 2) + '\n');
  });
});

describe('pingyi score --json and --timings on NDJSON votes', () => {
  const dir = tmp();
  const file = join(dir, 'votes.ndjson');
  const vote = (unit: string, level: string) => JSON.stringify({ type: 'service-vote', unit, period: 'h1', level });
  // 6 vote records, 3 distinct (unit, level): folded into 3 records while reading
  writeFileSync(file, [vote('p01-s01', 'satisfied'), vote('p01-s01', 'satisfied'), vote('p01-s02', 'basic'), vote('p01-s01', 'satisfied'), vote('p01-s02', 'basic'), vote('p01-s03', 'dissatisfied'), ''].join('\n'));

  it('--json: one parseable document of the usual shape; completeness counts the records as the file holds them', () => {
    const r = pingyi('score', 'pingyang-2021', file, '--json');
    expect(r.code).toBe(0);
    const compact = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(compact)).toEqual(['format', 'formatVersion', 'ok', 'issues', 'scheme', 'units', 'selections', 'rankings', 'classes', 'consequences', 'completeness', 'display', 'defs']);
    // the traces refer to rules, clauses and indicators stated once in `defs` (issue #22): expanded, the full result
    const expanded = expandResult(compact);
    if (!expanded.ok) throw new Error(expanded.issue.message.en);
    const out = expanded.result as unknown as RunResult & { completeness: Completeness; display: { digits: number } };
    expect(Object.keys(out)).toEqual(['ok', 'issues', 'scheme', 'units', 'selections', 'rankings', 'classes', 'consequences', 'completeness', 'display']);
    expect(out.units).toHaveLength(363);
    expect(out.completeness.facts).toBe(6);
    expect(out.completeness.factTypes.find((f) => f.factType === 'service-vote')).toMatchObject({ facts: 6, with: 3, without: 360 });
    // 四(一)1: p01-s01 has 3 satisfied votes of the half-year; fewer than 30, so blended with the population mean
    const s01 = out.units.find((u) => u.unit === 'p01-s01');
    const h1 = JSON.stringify(s01?.indicators);
    expect(h1).toContain('"counts":{"satisfied":3,"basic":0,"dissatisfied":0},"total":3');
    // the text is JSON.stringify's 2-space indentation, with one unit per line
    expect(r.out.startsWith('{\n  "format": "pingyi-score-compact",\n  "formatVersion": 1,\n  "ok": true,\n  "issues": [')).toBe(true);
    expect(r.out.endsWith('\n}\n')).toBe(true);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('    {"unit":'))).toHaveLength(363);
  });

  it('--timings: one line on stderr, `timings {…}` with read/score/write times, records read and kept, peak memory', () => {
    const r = pingyi('score', 'pingyang-2021', file, '--timings');
    expect(r.code).toBe(0);
    const line = r.err.split('\n').find((l) => l.startsWith('timings '));
    expect(line).toMatch(/^timings \{"readMs":\d+,"scoreMs":\d+,"writeMs":\d+,"facts":6,"folded":3,"maxRssMiB":\d+\}$/);
    expect(JSON.parse((line as string).slice('timings '.length)).maxRssMiB).toBeGreaterThan(10);
  });
});
