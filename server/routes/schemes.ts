/** The list of schemes, one scheme with its README and source text, its cases, and a new scheme from a document. */
import { Router } from 'express';
import { validateScheme, type Roster, type SchemeCase } from '../../engine/index.ts';
import { caseInput, isCase } from '../../io/index.ts';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { notFound, refuse } from '../errors.ts';
import { schemeId, versionId } from '../ids.ts';
import type { SchemeRecord, VersionRecord } from '../store/types.ts';
import { countProblems, metaOf, problemsOf, schemeHeader, versionsOf } from '../version-core.ts';
import { keepRevision } from '../version-store.ts';

export function schemesRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  const summaryOf = (s: SchemeRecord) => {
    const versions = versionsOf(store.data, s.id);
    return { ...schemeHeader(s, versions), versions: versions.map(metaOf) };
  };
  const mustScheme = (id: string): SchemeRecord => {
    const s = store.data.schemes.find((x) => x.id === id);
    if (!s) throw notFound(`scheme ${id}`);
    return s;
  };

  r.get('/schemes', ctx.need('viewer'), (_req, res) => {
    const list = store.data.schemes.map(summaryOf);
    list.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction, 'zh') || a.year - b.year || a.id.localeCompare(b.id));
    res.json(list);
  });

  r.get('/schemes/:id', ctx.need('viewer'), (req, res) => {
    const s = mustScheme(schemeId(req.params.id));
    res.json({ ...summaryOf(s), ...(s.readme !== undefined ? { readme: s.readme } : {}), ...(s.sourceText !== undefined ? { sourceText: s.sourceText } : {}) });
  });

  r.get('/schemes/:id/roster', ctx.need('viewer'), async (req, res) => {
    const s = mustScheme(schemeId(req.params.id));
    const roster = s.hasRoster ? await store.readJson(['schemes', s.id, 'roster.json']) : null;
    if (roster === null) throw notFound(`roster of ${s.id}`);
    res.json(roster);
  });

  r.get('/schemes/:id/cases', ctx.need('viewer'), async (req, res) => {
    const s = mustScheme(schemeId(req.params.id));
    // data files beside the cases (NDJSON, CSV) are their inputs, not cases
    const names = s.cases.filter((n) => n.endsWith('.json') && !n.endsWith('.input.json'));
    // the page cannot read the case folder: inputs named by file come back inline, on the scheme's roster when they have no units
    const newest = versionsOf(store.data, s.id).reverse().map((v) => validateScheme(v.document).scheme).find((x) => x !== undefined);
    const roster = s.hasRoster ? ((await store.readJson<Roster>(['schemes', s.id, 'roster.json'])) ?? undefined) : undefined;
    const out = [];
    for (const name of names) {
      const c = await store.readJson<SchemeCase>(['schemes', s.id, 'cases', name]);
      if (!isCase(c)) continue;
      const loaded = await caseInput({ scheme: newest, roster }, store.path('schemes', s.id, 'cases', name), c);
      out.push(loaded.dataset ? { name, case: { ...c, input: loaded.dataset } } : { name, case: c, problems: loaded.issues });
    }
    res.json(out);
  });

  /** A new scheme from a document (e.g. written from scratch): its first version, as a draft. */
  r.post('/schemes', ctx.need('drafter'), async (req, res) => {
    const doc: unknown = req.body;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw refuse(400, 'bad-body', '方案文档应为 JSON 对象', 'the scheme document must be a JSON object');
    const d = doc as Record<string, unknown>;
    const id = schemeId(d.id);
    const version = versionId(d.version);
    const user = currentUser(res).username;
    const problems = problemsOf(d);
    const meta = await store.write(async (db) => {
      if (db.schemes.some((s) => s.id === id)) throw refuse(409, 'scheme-exists', `方案 ${id} 已存在`, `scheme ${id} exists`);
      db.schemes.push({
        id,
        name: typeof d.name === 'string' ? d.name : id,
        jurisdiction: typeof d.jurisdiction === 'string' ? d.jurisdiction : '',
        year: typeof d.year === 'number' ? d.year : 0,
        cases: [],
        hasRoster: false,
      });
      const v: VersionRecord = { id, version, status: 'draft', revision: 1, updatedAt: ctx.now(), updatedBy: user, problemCount: countProblems(problems), document: d };
      await keepRevision(store, v);
      db.versions.push(v);
      audit(db, { at: v.updatedAt, user, action: 'scheme-created', target: `${id}@${version}` });
      return metaOf(v);
    });
    res.status(201).json({ meta, problems });
  });

  return r;
}
