/**
 * Live facts: append one fact or a batch to an accepted data set. The batch
 * is checked against the version's fact types first (nothing is appended
 * when any fact has an error), written durably with its audit entry as one
 * commit (store/batch-log.ts: whole or not at all, across a full disk and
 * kill -9), then folded into the season; the answer lists the units whose
 * total, rank or class moved. An `Idempotency-Key` makes a retried batch
 * whose first attempt landed unanswered land once.
 */
import { Router, type Request } from 'express';
import type { Fact, Issue } from '../../engine/index.ts';
import { currentUser } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { factsFile, readDatasetFiles } from '../dataset-files.ts';
import { diskFull, refuse } from '../errors.ts';
import { runnable } from '../scheme-context.ts';
import { linesOf, sha256 } from '../store/batch-log.ts';
import { isDiskFull } from '../store/fs-layer.ts';
import { seasonKey } from '../season-cache.ts';
import { mustDataset } from './datasets.ts';

const MAX_BATCH = 10_000;

/** `Idempotency-Key`: visible ASCII, 1–200 characters; a retried batch with the same key lands once. */
function idempotencyKey(req: Request): string | undefined {
  const h = req.headers['idempotency-key'];
  if (h === undefined) return undefined;
  if (typeof h !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(h)) throw refuse(400, 'bad-idempotency-key', 'Idempotency-Key 应为 1 至 200 个可见 ASCII 字符', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
  return h;
}

function factsOf(body: unknown): { facts: unknown[]; single: boolean } {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (Array.isArray(b.facts) && !('type' in b)) return { facts: b.facts, single: false };
    return { facts: [b], single: true };
  }
  throw refuse(400, 'bad-body', '请求内容应为一条事实或 {facts: [...]}', 'the body must be one fact or {facts: [...]}');
}

/** Engine pointers index the whole data set; the clerk needs them in the body sent. */
function relocate(issues: readonly Issue[], offset: number, single: boolean): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const m = /^\/facts\/(\d+)(\/.*)?$/.exec(i.path);
    if (!m || Number(m[1]) < offset) continue;
    const index = Number(m[1]) - offset;
    out.push({ ...i, path: single ? (m[2] ?? '') : `/facts/${index}${m[2] ?? ''}` });
  }
  return out;
}

export function factsRouter(ctx: AppContext): Router {
  const r = Router();
  r.post('/datasets/:id/facts', ctx.need('data-entry'), async (req, res) => {
    const meta = mustDataset(ctx, req.params.id as string);
    if (meta.status !== 'accepted') throw refuse(409, 'dataset-rejected', '该数据集未通过检查,不能追加事实', 'the data set was rejected; facts cannot be appended');
    const { facts, single } = factsOf(req.body);
    if (facts.length === 0 || facts.length > MAX_BATCH) throw refuse(400, 'bad-batch', `每次追加 1 至 ${MAX_BATCH} 条事实`, `append 1 to ${MAX_BATCH} facts at a time`);
    const { id, version } = meta.scheme;
    const { scheme } = await runnable(ctx.store, id, version, ctx.validations);
    const key = seasonKey(ctx.store.data, id, version);
    const user = currentUser(res).username;
    const idem = idempotencyKey(req);
    const target = `dataset:${meta.id}`;
    const digest = sha256(linesOf(facts));
    // the document is not written: the count derives from the facts file, the audit entry (the batch's commit) goes to the journal
    const out = await ctx.store.exclusive(async (): Promise<{ body: unknown; replayed: boolean }> => {
      const prior = idem === undefined ? undefined : ctx.store.batchKeys.get(idem);
      if (prior) {
        if (prior.target !== target || prior.user !== user || prior.sha256 !== digest) {
          throw refuse(422, 'idempotency-key-reused', '该 Idempotency-Key 已用于另一批事实,本批未追加', 'this Idempotency-Key was used for another batch; this one was not appended');
        }
        // the first attempt landed: answered as it was (after a restart the moves are no longer known)
        return { body: prior.answer ?? { appended: prior.count, changed: null, problems: null }, replayed: true };
      }
      const write = async (offset: number): Promise<void> => {
        const entry = { at: ctx.now(), user, action: 'facts-appended', target, summary: [`${facts.length} facts (#${offset + 1}–#${offset + facts.length})`] };
        try {
          await ctx.store.appendBatch(factsFile(meta.id), facts, entry, idem);
        } catch (e) {
          ctx.log(`facts of ${meta.id} not written: ${e instanceof Error ? e.message : String(e)}`);
          if (isDiskFull(e)) throw diskFull();
          throw refuse(503, 'write-failed', '数据未能写入存储,未追加任何一条;请稍后重试', 'the facts could not be written to storage; none was appended; try again later');
        }
        ctx.factCounts.appended(meta.id, facts.length);
      };
      const r = await ctx.seasons.append(meta.id, key, scheme, () => readDatasetFiles(ctx.store, meta.id), facts as Fact[], write);
      const problems = relocate(r.issues, r.offset, single);
      if (!r.ok) throw refuse(422, 'facts-rejected', '事实有错误,未追加任何一条', 'the facts have errors; none was appended', { problems });
      const body = { appended: facts.length, changed: r.changed, problems };
      if (idem !== undefined) ctx.store.batchKeys.set(idem, { target, user, sha256: digest, count: facts.length, answer: body });
      return { body, replayed: false };
    });
    if (out.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.json(out.replayed ? { ...(out.body as object), replayed: true } : out.body);
  });
  return r;
}
