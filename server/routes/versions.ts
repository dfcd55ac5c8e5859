/**
 * One scheme version: read, save a draft (If-Match revision), publish,
 * retire, copy into a new version. Drafts are saved even when invalid, with
 * every problem; published versions never change.
 */
import { Router, type Request } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { changeSummary } from '../change-summary.ts';
import { audit, type AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { schemeId, versionId } from '../ids.ts';
import type { VersionRecord } from '../store/types.ts';
import { validationKey, versionEtag } from '../validation-cache.ts';
import { checkStored, checkVersion, contentHash, countProblems, metaOf, notesOf, problemsOf } from '../version-core.ts';
import { ifMatch, keepRevision, mustFind, nextPatch, noneMatch, readRevision } from '../version-store.ts';

const params = (req: Request) => ({ id: schemeId(req.params.id), version: versionId(req.params.version) });

export function schemeDocument(body: unknown, id: string, version: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw refuse(400, 'bad-body', '方案文档应为 JSON 对象', 'the scheme document must be a JSON object');
  const doc = body as Record<string, unknown>;
  if (doc.id !== id || doc.version !== version) {
    throw refuse(422, 'id-mismatch', `文档的 id 与 version 须与地址一致(${id} ${version})`, `the document's id and version must equal the URL's (${id} ${version})`);
  }
  return doc;
}

export function versionsRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;
  const base = '/schemes/:id/versions/:version';

  const refuseStale = async (v: VersionRecord, baseRevision: number, doc: unknown): Promise<void> => {
    const { id, version } = v;
    if (v.status !== 'draft') throw refuse(409, 'not-draft', `${id}@${version} 已${v.status === 'published' ? '发布' : '停用'},不可修改;请另建新版本`, `${id}@${version} is ${v.status} and cannot change; make a new version`);
    if (baseRevision === v.revision) return;
    // the state refused, taken before the base revision is read (a save may land meanwhile)
    const current = { revision: v.revision, updatedAt: v.updatedAt, updatedBy: v.updatedBy, document: v.document };
    const baseDoc = await readRevision(store, id, version, baseRevision);
    throw refuse(409, 'stale-revision', `草稿已被 ${current.updatedBy} 于 ${current.updatedAt} 修改(修订 ${current.revision}),您的修改未保存`, `the draft was changed by ${current.updatedBy} at ${current.updatedAt} (revision ${current.revision}); your change was not saved`, {
      current: { revision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy, summary: baseDoc === null ? [] : changeSummary(baseDoc, current.document) },
      yours: { baseRevision, summary: baseDoc === null ? [] : changeSummary(baseDoc, doc) },
    });
  };

  r.get(base, ctx.need('viewer'), (req, res) => {
    const { id, version } = params(req);
    const v = mustFind(store.data, id, version);
    res.setHeader('ETag', versionEtag(v));
    // If-None-Match answered before the validation is even looked up
    if (noneMatch(req, versionEtag(v))) {
      res.status(304).end();
      return;
    }
    // an older format is served migrated (with what changed); meta.hash stays the stored original's
    const read = ctx.validations.of(v);
    res.json({
      meta: metaOf(v),
      document: read.document,
      ...(read.migration ? { migration: read.migration } : {}),
      problems: read.issues,
      notes: notesOf(v),
      ...(v.clauseText !== undefined ? { clauseText: v.clauseText } : {}),
    });
  });

  r.put(base, ctx.need('drafter'), async (req, res) => {
    const { id, version } = params(req);
    const baseRevision = ifMatch(req);
    const doc = schemeDocument(req.body, id, version);
    const user = currentUser(res).username;
    // a stale or non-draft save is refused here, so it never waits in (nor holds) the write queue;
    // the queue checks again, for a save that landed meanwhile
    await refuseStale(mustFind(store.data, id, version), baseRevision, doc);
    const checked = checkVersion(doc);
    const problems = checked.issues;
    const out = await store.write(async (db) => {
      const v = mustFind(db, id, version);
      await refuseStale(v, baseRevision, doc);
      const summary = changeSummary(v.document, doc);
      v.document = doc;
      v.revision += 1;
      v.updatedAt = ctx.now();
      v.updatedBy = user;
      v.problemCount = countProblems(problems);
      await keepRevision(store, v);
      audit(db, { at: v.updatedAt, user, action: 'scheme-saved', target: `${id}@${version}`, summary });
      return metaOf(v);
    });
    ctx.validations.remember(validationKey(out), { ...checked, document: doc });
    res.setHeader('ETag', versionEtag(out));
    res.json({ meta: out, problems });
  });

  r.post(`${base}/publish`, ctx.need('publisher'), async (req, res) => {
    const { id, version } = params(req);
    const user = currentUser(res).username;
    const meta = await store.write((db) => {
      const v = mustFind(db, id, version);
      if (v.status !== 'draft') throw refuse(409, 'not-draft', `${id}@${version} 不是草稿`, `${id}@${version} is not a draft`);
      const problems = ctx.validations.of(v).issues;
      if (problems.some((p) => p.severity === 'error')) throw refuse(422, 'invalid-scheme', '方案有错误,不能发布', 'the scheme has errors and cannot be published', { problems });
      v.status = 'published';
      v.hash = contentHash(v.document);
      v.updatedAt = ctx.now();
      v.updatedBy = user;
      audit(db, { at: v.updatedAt, user, action: 'scheme-published', target: `${id}@${version}`, summary: [`内容哈希 hash ${v.hash}`] });
      return metaOf(v);
    });
    res.json({ meta });
  });

  r.post(`${base}/retire`, ctx.need('publisher'), async (req, res) => {
    const { id, version } = params(req);
    const user = currentUser(res).username;
    const meta = await store.write((db) => {
      const v = mustFind(db, id, version);
      if (v.status !== 'published') throw refuse(409, 'not-published', `只能停用已发布的版本`, 'only a published version can be retired');
      v.status = 'retired';
      v.updatedAt = ctx.now();
      v.updatedBy = user;
      audit(db, { at: v.updatedAt, user, action: 'scheme-retired', target: `${id}@${version}` });
      return metaOf(v);
    });
    res.json({ meta });
  });

  r.post(`${base}/new-version`, ctx.need('drafter'), async (req, res) => {
    const { id, version } = params(req);
    const user = currentUser(res).username;
    const meta = await store.write(async (db) => {
      const src = mustFind(db, id, version);
      const next = nextPatch(db, id, version);
      const document = { ...(src.document as Record<string, unknown>), version: next };
      const v: VersionRecord = {
        id, version: next, status: 'draft', revision: 1, basedOn: { id, version },
        updatedAt: ctx.now(), updatedBy: user, problemCount: countProblems(problemsOf(document)), document,
        ...(src.clauseText !== undefined ? { clauseText: src.clauseText } : {}),
      };
      await keepRevision(store, v);
      db.versions.push(v);
      audit(db, { at: v.updatedAt, user, action: 'version-created', target: `${id}@${next}`, summary: [`由 ${id}@${version} 复制 (copied from ${id}@${version})`] });
      return metaOf(v);
    });
    res.status(201).json({ meta });
  });

  return r;
}
