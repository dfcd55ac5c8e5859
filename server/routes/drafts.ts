/**
 * What a drafter does to a draft besides saving it: acknowledge a next-year
 * note (who and when, audited), give the version its official document's text
 * (pasted or read from a .txt upload by the page), delete the draft (audited).
 * Published and retired versions never change: each refuses with 409.
 */
import { Router, type Request } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { schemeId, versionId } from '../ids.ts';
import type { VersionRecord } from '../store/types.ts';
import { metaOf, notesOf } from '../version-core.ts';
import { mustFind } from '../version-store.ts';

const params = (req: Request) => ({ id: schemeId(req.params.id), version: versionId(req.params.version) });

/** A document's text is long but not a data file: 2 million characters hold any 实施细则 many times over. */
const MAX_CLAUSE_TEXT = 2_000_000;

function mustBeDraft(v: VersionRecord): void {
  if (v.status !== 'draft') throw refuse(409, 'not-draft', `${v.id}@${v.version} 不是草稿,不可修改`, `${v.id}@${v.version} is not a draft and cannot change`);
}

export function draftsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;
  const base = '/schemes/:id/versions/:version';

  r.post(`${base}/notes/:index/acknowledge`, ctx.need('drafter'), async (req, res) => {
    const { id, version } = params(req);
    const index = /^\d{1,6}$/.test(String(req.params.index)) ? Number(req.params.index) : -1;
    const user = currentUser(res).username;
    const out = await store.write((db) => {
      const v = mustFind(db, id, version);
      mustBeDraft(v);
      const note = v.notes?.[index];
      if (!note) throw refuse(404, 'no-such-note', `没有第 ${index + 1} 条起草提示`, `no note ${index}`);
      if (!note.acknowledged) {
        note.acknowledged = { by: user, at: ctx.now() };
        audit(db, { at: note.acknowledged.at, user, action: 'next-year-note-acknowledged', target: `${id}@${version}`, summary: [`${note.message.zh} (${note.path})`] });
      }
      return { meta: metaOf(v), notes: notesOf(v) };
    });
    res.json(out);
  });

  r.put(`${base}/clause-text`, ctx.need('drafter'), async (req, res) => {
    const { id, version } = params(req);
    const b = req.body as { text?: unknown } | undefined;
    const text = typeof b === 'object' && b !== null ? b.text : undefined;
    if (typeof text !== 'string') throw refuse(400, 'bad-clause-text', '请提供文件正文(text)', 'give the document text as `text`');
    if (text.length > MAX_CLAUSE_TEXT) throw refuse(413, 'clause-text-too-long', `正文超过 ${MAX_CLAUSE_TEXT} 字`, `the text is longer than ${MAX_CLAUSE_TEXT} characters`);
    const user = currentUser(res).username;
    const meta = await store.write((db) => {
      const v = mustFind(db, id, version);
      mustBeDraft(v);
      if (text.trim() === '') delete v.clauseText;
      else v.clauseText = text;
      audit(db, { at: ctx.now(), user, action: 'clause-text-set', target: `${id}@${version}`, summary: [`正文 ${text.length} 字 (${text.length} characters)`] });
      return metaOf(v);
    });
    res.json({ meta });
  });

  r.delete(base, ctx.need('drafter'), async (req, res) => {
    const { id, version } = params(req);
    const user = currentUser(res).username;
    await store.write((db) => {
      const v = mustFind(db, id, version);
      mustBeDraft(v);
      db.versions.splice(db.versions.indexOf(v), 1);
      // a scheme whose only version was this draft (a next year drafted by mistake) goes with it
      const left = db.versions.some((x) => x.id === id);
      if (!left) db.schemes.splice(db.schemes.findIndex((s) => s.id === id), 1);
      audit(db, { at: ctx.now(), user, action: 'draft-deleted', target: `${id}@${version}`, summary: [`修订 ${v.revision},${v.updatedBy} 最后修改 (revision ${v.revision})`, ...(left ? [] : [`方案 ${id} 随之删除 (scheme removed)`])] });
    });
    res.status(204).end();
  });

  return r;
}
