/**
 * Start-up cleaning (issue #17 D17): what a crash or a failed write left in
 * the data folder that no record points to. Temporary files of atomic
 * writes (a crash between write and rename); data-set folders without a
 * metadata record (an upload writes its files first and its record last, so
 * a crash in between leaves the folder alone); run result files without a
 * record (the same order); a draft's revision file past the revision its
 * record counts (written just before the record); spooled uploads
 * (uploads/*.part) a crash interrupted. Runs before the server listens, so no write is
 * in flight; answers what it removed, for the start-up log.
 */
import { join, relative } from 'node:path';
import { TEMP_FILE } from './files.ts';
import type { FsLayer } from './fs-layer.ts';
import type { Db } from './types.ts';

async function entries(fs: FsLayer, dir: string): Promise<Array<{ name: string; dir: boolean }>> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).map((d) => ({ name: d.name, dir: d.isDirectory() }));
  } catch {
    return [];
  }
}

async function tempFiles(fs: FsLayer, dir: string, out: string[]): Promise<void> {
  for (const e of await entries(fs, dir)) {
    const path = join(dir, e.name);
    if (e.dir) await tempFiles(fs, path, out);
    else if (TEMP_FILE.test(e.name)) out.push(path);
  }
}

export async function cleanDataFolder(fs: FsLayer, dir: string, db: Readonly<Db>): Promise<string[]> {
  const removed: string[] = [];
  const temps: string[] = [];
  await tempFiles(fs, dir, temps);
  for (const t of temps) {
    await fs.rm(t, { force: true });
    removed.push(`临时文件 temp file ${relative(dir, t)}`);
  }
  // an upload is spooled to uploads/<hex>.part and removed once read: one left is a crash's
  for (const e of await entries(fs, join(dir, 'uploads'))) {
    if (e.dir || !e.name.endsWith('.part')) continue;
    await fs.rm(join(dir, 'uploads', e.name), { force: true });
    removed.push(`未读完的上传 unfinished upload uploads/${e.name}`);
  }
  const datasets = new Set(db.datasets.map((d) => d.id));
  for (const e of await entries(fs, join(dir, 'datasets'))) {
    if (!e.dir || datasets.has(e.name)) continue;
    await fs.rm(join(dir, 'datasets', e.name), { recursive: true, force: true });
    removed.push(`无记录的数据集目录 orphan data set folder datasets/${e.name}`);
  }
  const runs = new Set(db.runs.map((r) => r.id));
  for (const e of await entries(fs, join(dir, 'runs'))) {
    const m = /^(.+?)(?:\.scheme)?\.json$/.exec(e.name);
    if (e.dir || !m || runs.has(m[1]!)) continue;
    await fs.rm(join(dir, 'runs', e.name), { force: true });
    removed.push(`无记录的计分结果 orphan run file runs/${e.name}`);
  }
  // a draft's revision file is written before the record that counts it: one past the record is a crash's
  const revisions = new Map(db.versions.map((v) => [`${v.id}/${v.version}`, v.revision]));
  for (const scheme of await entries(fs, join(dir, 'revisions'))) {
    if (!scheme.dir) continue;
    for (const version of await entries(fs, join(dir, 'revisions', scheme.name))) {
      const known = revisions.get(`${scheme.name}/${version.name}`);
      if (!version.dir) continue;
      if (known === undefined) {
        // a new version's first revision, written before its record
        await fs.rm(join(dir, 'revisions', scheme.name, version.name), { recursive: true, force: true });
        removed.push(`无记录的版本修订 orphan revisions folder revisions/${scheme.name}/${version.name}`);
        continue;
      }
      for (const f of await entries(fs, join(dir, 'revisions', scheme.name, version.name))) {
        const m = /^(\d+)\.json$/.exec(f.name);
        if (f.dir || !m || Number(m[1]) <= known) continue;
        await fs.rm(join(dir, 'revisions', scheme.name, version.name, f.name), { force: true });
        removed.push(`未保存的修订 unsaved revision file revisions/${scheme.name}/${version.name}/${f.name}`);
      }
    }
  }
  return removed;
}
