import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateScheme, type Issue, type Roster, type Scheme } from '../engine/index.ts';
import { readJsonFile, readRoster } from '../io/index.ts';
import { resolveSchemePath } from './resolve-scheme.ts';

export interface LoadedScheme {
  dir: string;
  file: string;
  scheme: Scheme | undefined;
  roster: Roster | undefined;
  issues: Issue[];
}

/** Accepts a scheme folder (schemes/<id>/), a scheme.json path or a shipped scheme's id; reads roster.json beside it when present. */
export function loadScheme(arg: string): LoadedScheme {
  const path = resolveSchemePath(arg);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const file = isDir ? join(path, 'scheme.json') : path;
  const dir = isDir ? path : dirname(path);
  const { value, issues } = readJsonFile(file, 'scheme');
  if (value === undefined) return { dir, file, scheme: undefined, roster: undefined, issues };
  const v = validateScheme(value);
  const all: Issue[] = v.issues.map((i) => ({ ...i, file }));
  let roster: Roster | undefined;
  const rosterFile = join(dir, 'roster.json');
  if (existsSync(rosterFile)) {
    const r = readRoster(rosterFile);
    all.push(...r.issues);
    roster = r.roster;
  }
  return { dir, file, scheme: v.ok ? v.scheme : undefined, roster, issues: all };
}
