/**
 * The problems the server lists for a version are those `pingyi validate`
 * prints for the same document: the engine's validation and the name that
 * still names another year (engine/authoring/name-year.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCommand } from '../../cli/commands.ts';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
let tmp = '';
beforeAll(async () => {
  h = await startServer();
  tmp = await mkdtemp(join(tmpdir(), 'pingyi-validate-'));
}, 120_000);
afterAll(async () => {
  await h.close();
  await rm(tmp, { recursive: true, force: true });
});

/** `pingyi validate <file>` as (severity, code, path) triples, read from what it prints. */
async function cliProblems(doc: unknown): Promise<string[]> {
  const file = join(tmp, `scheme-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(doc, null, 2));
  const lines: string[] = [];
  validateCommand({ out: () => undefined, err: (s) => lines.push(s) }, file, { all: true });
  const out: string[] = [];
  for (const l of lines) {
    const m = /^(错误 error|警告 warning) \[([^\]]+)\] (.*)$/.exec(l.split('\n')[0]!);
    if (m) out.push(`${m[1]!.endsWith('error') ? 'error' : 'warning'} ${m[2]} ${m[3]!.split(' ').at(-1)}`);
  }
  return out.sort();
}

const triples = (problems: Array<{ severity: string; code: string; path: string }>) => problems.map((p) => `${p.severity} ${p.code} ${p.path || '/'}`).sort();

describe('version problems, as pingyi validate lists them', () => {
  it('warns when a draft\u2019s name still names last year, like the CLI, and still publishes', async () => {
    const made = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/new-version', { token: h.admin });
    const path = `/api/schemes/wenzhou-2024/versions/${made.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: h.admin })).body.document;
    expect(doc.name).toContain('2024年度');
    // copied forward without renaming: the name says 2023 while year is 2024
    const stale = { ...doc, name: doc.name.replace('2024年度', '2023年度') };
    const saved = await h.call('PUT', path, { token: h.admin, body: stale, headers: { 'if-match': '1' } });
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(expect.objectContaining({ code: 'name-year', path: '/name', severity: 'warning' }));
    expect(saved.body.meta.problemCount.warnings).toBe(saved.body.problems.filter((p: any) => p.severity === 'warning').length);
    const got = await h.call('GET', path, { token: h.admin });
    expect(triples(got.body.problems)).toEqual(triples(saved.body.problems));
    const cli = await cliProblems(stale);
    expect(cli).toContain('warning name-year /name');
    expect(triples(saved.body.problems)).toEqual(cli);
    // a warning does not stop publishing
    expect((await h.call('POST', `${path}/publish`, { token: h.admin })).status).toBe(200);
  });

  it('lists the same problems as the CLI for a draft with errors and for every shipped version', async () => {
    const made = await h.call('POST', '/api/schemes/pingyang-2021/versions/1.0.0/new-version', { token: h.admin });
    const path = `/api/schemes/pingyang-2021/versions/${made.body.meta.version}`;
    const doc = (await h.call('GET', path, { token: h.admin })).body.document;
    const broken = { ...doc, name: `${doc.name}(2019年)`, indicators: doc.indicators.slice(1) };
    const saved = await h.call('PUT', path, { token: h.admin, body: broken, headers: { 'if-match': '1' } });
    expect(saved.body.problems.some((p: any) => p.severity === 'error')).toBe(true);
    expect(triples(saved.body.problems)).toEqual(await cliProblems(broken));
    const refused = await h.call('POST', `${path}/publish`, { token: h.admin });
    expect(refused.status).toBe(422);
    expect(triples(refused.body.problems)).toEqual(triples(saved.body.problems));

    const list = (await h.call('GET', '/api/schemes', { token: h.admin })).body;
    for (const s of list) {
      const v = await h.call('GET', `/api/schemes/${s.id}/versions/1.0.0`, { token: h.admin });
      expect(triples(v.body.problems), s.id).toEqual(await cliProblems(v.body.document));
    }
  });
});
