/**
 * "以此版本起草下一年度": a new scheme (next year's id), version 1.0.0, a
 * draft based on this version, moved on by the engine's `nextYear`; the
 * places the author must check come back as notes with their pointers. The
 * roster is copied along: most units carry over to the next year.
 */
import { Router } from 'express';
import { nextYear, validateScheme } from '../../engine/index.ts';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { schemeId, versionId } from '../ids.ts';
import type { VersionRecord } from '../store/types.ts';
import { countProblems, metaOf, problemsOf, valueAtPointer } from '../version-core.ts';
import { keepRevision, mustFind } from '../version-store.ts';

export function nextYearRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;
  r.post('/schemes/:id/versions/:version/next-year', ctx.need('drafter'), async (req, res) => {
    const id = schemeId(req.params.id);
    const version = versionId(req.params.version);
    const b = (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {}) as Record<string, unknown>;
    if (b.year !== undefined && typeof b.year !== 'number') throw refuse(400, 'bad-year', '年度应为数字', 'year must be a number');
    const newId = b.id === undefined ? undefined : schemeId(b.id);
    const source = validateScheme(mustFind(store.data, id, version).document).scheme;
    if (!source) throw refuse(422, 'invalid-scheme', `${id}@${version} 结构不完整,不能据此起草`, `${id}@${version} is incomplete and cannot be drafted from`, { problems: problemsOf(mustFind(store.data, id, version).document) });
    const year = typeof b.year === 'number' ? b.year : source.year + 1;
    const draft = nextYear(source, { year, ...(newId ? { id: newId } : {}) });
    if (draft.notes.some((n) => n.severity === 'error')) throw refuse(422, 'next-year-refused', '无法起草下一年度', 'cannot draft the next year', { problems: draft.notes });
    const doc = draft.scheme;
    const sourceRecord = store.data.schemes.find((s) => s.id === id);
    if (b.dryRun === true) {
      // the dialog's preview: what moves, what stays behind, what to check; nothing is written
      res.json({
        preview: {
          id: doc.id, year: doc.year, name: doc.name, version: doc.version, window: doc.window ?? null,
          exists: store.data.schemes.some((s) => s.id === doc.id),
          roster: sourceRecord?.hasRoster === true,
          casesLeft: sourceRecord?.cases.filter((n) => n.endsWith('.json') && !n.endsWith('.input.json')).length ?? 0,
          clauseTextLeft: sourceRecord?.sourceText !== undefined || mustFind(store.data, id, version).clauseText !== undefined,
        },
        notes: draft.notes,
      });
      return;
    }
    const user = currentUser(res).username;
    const roster = sourceRecord?.hasRoster ? await store.readJson(['schemes', id, 'roster.json']) : null;
    const meta = await store.write(async (db) => {
      if (db.schemes.some((s) => s.id === doc.id)) throw refuse(409, 'scheme-exists', `方案 ${doc.id} 已存在`, `scheme ${doc.id} exists`);
      if (roster !== null) await store.writeJson(['schemes', doc.id, 'roster.json'], roster);
      db.schemes.push({ id: doc.id, name: doc.name, jurisdiction: doc.jurisdiction, year: doc.year, cases: [], hasRoster: roster !== null });
      const v: VersionRecord = {
        id: doc.id, version: doc.version, status: 'draft', revision: 1, basedOn: { id, version },
        updatedAt: ctx.now(), updatedBy: user, problemCount: countProblems(problemsOf(doc)), document: doc,
        // the notes stay with the draft (warnings until fixed or acknowledged), each with the value it flagged
        notes: draft.notes.map((n) => ({ ...n, was: valueAtPointer(doc, n.path) ?? null })),
      };
      await keepRevision(store, v);
      db.versions.push(v);
      audit(db, { at: v.updatedAt, user, action: 'next-year-drafted', target: `${doc.id}@${doc.version}`, summary: [`由 ${id}@${version} 起草 (drafted from ${id}@${version})`, ...draft.notes.map((n) => n.message.zh)] });
      return metaOf(v);
    });
    res.status(201).json({ meta, notes: draft.notes });
  });
  return r;
}
