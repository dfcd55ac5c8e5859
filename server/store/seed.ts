/**
 * The very first start copies every shipped scheme folder into the store:
 * scheme.json as a published version with its content hash, README.md,
 * source.txt, roster.json and the case files. Later starts never seed again,
 * so what staff changed or retired stays as they left it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash, countProblems, problemsOf } from '../version-core.ts';
import type { Store } from './store.ts';
import type { Db, SchemeRecord, VersionRecord } from './types.ts';

interface Shipped {
  record: SchemeRecord;
  version: VersionRecord;
  roster: unknown;
  cases: Array<{ name: string; bytes: Buffer }>;
}

const readIf = async (file: string): Promise<string | undefined> => (existsSync(file) ? readFile(file, 'utf8') : undefined);

async function readShipped(dir: string, at: string): Promise<Shipped | undefined> {
  const text = await readIf(join(dir, 'scheme.json'));
  if (text === undefined) return undefined;
  const document = JSON.parse(text) as Record<string, unknown>;
  const id = String(document.id);
  const version = String(document.version);
  const problems = problemsOf(document);
  const rosterText = await readIf(join(dir, 'roster.json'));
  const caseDir = join(dir, 'cases');
  const caseNames = existsSync(caseDir) ? (await readdir(caseDir)).sort() : [];
  const cases = await Promise.all(caseNames.map(async (name) => ({ name, bytes: await readFile(join(caseDir, name)) })));
  const readme = await readIf(join(dir, 'README.md'));
  const sourceText = await readIf(join(dir, 'source.txt'));
  const record: SchemeRecord = {
    id,
    name: String(document.name),
    jurisdiction: String(document.jurisdiction),
    year: Number(document.year),
    cases: caseNames,
    hasRoster: rosterText !== undefined,
    ...(readme !== undefined ? { readme } : {}),
    ...(sourceText !== undefined ? { sourceText } : {}),
  };
  const basedOn = document.basedOn as VersionRecord['basedOn'];
  const v: VersionRecord = {
    id,
    version,
    status: 'published',
    revision: 1,
    hash: contentHash(document),
    ...(basedOn ? { basedOn } : {}),
    updatedAt: at,
    updatedBy: 'system',
    problemCount: countProblems(problems),
    document,
  };
  return { record, version: v, roster: rosterText === undefined ? undefined : JSON.parse(rosterText), cases };
}

/** Seeds once; returns the ids seeded (empty when the store was seeded before). */
export async function seedFromSchemes(store: Store, schemesDir: string, at: string): Promise<string[]> {
  if (store.data.seeded) return [];
  const names = existsSync(schemesDir) ? (await readdir(schemesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  const shipped = (await Promise.all(names.map((n) => readShipped(join(schemesDir, n), at)))).filter((s): s is Shipped => s !== undefined);
  // files first: the document only names files that are already on disk
  for (const s of shipped) {
    if (s.roster !== undefined) await store.writeJson(['schemes', s.record.id, 'roster.json'], s.roster);
    for (const c of s.cases) await store.writeBytes(['schemes', s.record.id, 'cases', c.name], c.bytes);
  }
  await store.write((db: Db) => {
    for (const s of shipped) {
      if (db.schemes.some((x) => x.id === s.record.id)) continue;
      db.schemes.push(s.record);
      db.versions.push(s.version);
    }
    db.audit.push({ at, user: 'system', action: 'seed', target: 'schemes', summary: shipped.map((s) => `${s.record.id}@${s.version.version}`) });
    db.seeded = true;
  });
  return shipped.map((s) => s.record.id);
}
