/**
 * Issue 18 item 3 on the server: next year's notes stored with the draft,
 * open until fixed or acknowledged (who and when, audited), counted in the
 * scheme list; the new year's clause text; a draft deleted by a drafter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './harness.ts';

let h: Harness;
let drafter: string;
let viewer: string;
beforeAll(async () => {
  h = await startServer();
  drafter = await h.userWith('clerk', ['drafter']);
  viewer = await h.userWith('reader', ['viewer']);
}, 120_000);
afterAll(() => h.close());

const NY = '/api/schemes/pingyang-2021/versions/1.0.0/next-year';
const D = '/api/schemes/pingyang-2022/versions/1.0.0';
const listed = async (id: string) => ((await h.call('GET', '/api/schemes', { token: drafter })).body as any[]).find((s) => s.id === id);

describe('next year as a guided step', () => {
  it('a dry run shows what will move and what will not, and writes nothing', async () => {
    const r = await h.call('POST', NY, { token: drafter, body: { year: 2022, dryRun: true } });
    expect(r.status).toBe(200);
    expect(r.body.preview).toMatchObject({ id: 'pingyang-2022', year: 2022, version: '1.0.0', exists: false, roster: true, clauseTextLeft: true });
    expect(r.body.preview.name).toContain('2022');
    expect(r.body.preview.casesLeft).toBeGreaterThan(0);
    expect(r.body.notes.length).toBeGreaterThan(0);
    expect(await listed('pingyang-2022')).toBeUndefined();
  });

  it('stores the notes with the draft: open in the list, fixed by an edit, acknowledged by someone (audited)', async () => {
    const made = await h.call('POST', NY, { token: drafter, body: { year: 2022 } });
    expect(made.status).toBe(201);
    const notes = made.body.notes as any[];
    expect(made.body.meta.openNotes).toBe(notes.length);
    expect((await listed('pingyang-2022')).versions[0].openNotes).toBe(notes.length);
    const got = await h.call('GET', D, { token: viewer });
    expect(got.body.notes.map((n: any) => n.path)).toEqual(notes.map((n) => n.path));
    expect(got.body.notes.every((n: any) => n.fixed === false && n.acknowledged === undefined)).toBe(true);

    // fixing: the value a note flagged changes → it closes by itself
    const fixable = got.body.notes.find((n: any) => n.path === '/window') ?? got.body.notes[0];
    const doc = structuredClone(got.body.document);
    const tokens = fixable.path.slice(1).split('/');
    let parent = doc;
    for (const t of tokens.slice(0, -1)) parent = parent[t];
    const last = tokens[tokens.length - 1];
    parent[last] = typeof parent[last] === 'string' ? `${parent[last]}(已按2022年文件核对)` : { ...parent[last], note: '已核对' };
    const saved = await h.call('PUT', D, { token: drafter, body: doc, headers: { 'if-match': '"1"' } });
    expect(saved.status).toBe(200);
    expect(saved.body.meta.openNotes).toBe(notes.length - 1);
    const after = await h.call('GET', D, { token: viewer });
    expect(after.body.notes.find((n: any) => n.index === fixable.index).fixed).toBe(true);

    // acknowledging another: who and when, audited; a viewer may not
    const other = after.body.notes.find((n: any) => !n.fixed);
    expect((await h.call('POST', `${D}/notes/${other.index}/acknowledge`, { token: viewer })).status).toBe(403);
    const ack = await h.call('POST', `${D}/notes/${other.index}/acknowledge`, { token: drafter });
    expect(ack.status).toBe(200);
    expect(ack.body.notes[other.index].acknowledged).toMatchObject({ by: 'clerk' });
    expect(ack.body.meta.openNotes).toBe(notes.length - 2);
    expect((await listed('pingyang-2022')).versions[0].openNotes).toBe(notes.length - 2);
    const audit = (await h.call('GET', '/api/audit?limit=1000', { token: h.admin })).body as any[];
    expect(audit.some((e) => e.action === 'next-year-note-acknowledged' && e.user === 'clerk' && e.target === 'pingyang-2022@1.0.0')).toBe(true);
    expect((await h.call('POST', `${D}/notes/999/acknowledge`, { token: drafter })).body.code).toBe('no-such-note');
  });

  it('keeps the new year\'s document text with the version; a published version refuses it', async () => {
    const text = '平阳县2022年度千人评机关中层科室实施细则\n四、评议内容\n(一)日常评价\n4.主管单位评价(10分)';
    const put = await h.call('PUT', `${D}/clause-text`, { token: drafter, body: { text } });
    expect(put.status).toBe(200);
    expect(put.body.meta.hasClauseText).toBe(true);
    expect((await h.call('GET', D, { token: viewer })).body.clauseText).toBe(text);
    expect((await h.call('PUT', `${D}/clause-text`, { token: drafter, body: {} })).body.code).toBe('bad-clause-text');
    const published = await h.call('PUT', '/api/schemes/pingyang-2021/versions/1.0.0/clause-text', { token: drafter, body: { text } });
    expect([published.status, published.body.code]).toEqual([409, 'not-draft']);
  });

  it('a drafter deletes a draft (audited); its scheme goes with its only version; published versions stay', async () => {
    expect((await h.call('DELETE', D, { token: viewer })).status).toBe(403);
    expect((await h.call('DELETE', '/api/schemes/pingyang-2021/versions/1.0.0', { token: drafter })).status).toBe(409);
    const del = await h.call('DELETE', D, { token: drafter });
    expect(del.status).toBe(204);
    expect((await h.call('GET', D, { token: viewer })).status).toBe(404);
    expect(await listed('pingyang-2022')).toBeUndefined();
    const audit = (await h.call('GET', '/api/audit?limit=1000', { token: h.admin })).body as any[];
    expect(audit.some((e) => e.action === 'draft-deleted' && e.user === 'clerk' && e.target === 'pingyang-2022@1.0.0')).toBe(true);
    // the year can be drafted again afterwards
    expect((await h.call('POST', NY, { token: drafter, body: { year: 2022 } })).status).toBe(201);
  });
});
