import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FORMAT_VERSION, migrateScheme } from '../engine/index.ts';
import { canonicalJson, DEFAULT_SCHEME_KEY_ORDER } from '../engine/format/canonical-json.ts';
import { readJsonFile } from '../io/index.ts';
import type { ParsedArgs } from './args.ts';
import { printIssues, type Io } from './commands.ts';
import { EXIT } from './exit-codes.ts';
import { resolveSchemePath } from './resolve-scheme.ts';

/**
 * `pingyi migrate <scheme> [--out <dir>]`: upgrade an older scheme document to
 * the current format (engine/migrate/), in place or into <dir>/scheme.json,
 * printing every change with its pointer. A file that is not a scheme is a
 * problem (exit 1); nothing is written then, and a write is whole or absent.
 */
export function migrateCommand(io: Io, a: ParsedArgs): number {
  const path = resolveSchemePath(a.positional[0] as string);
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'scheme.json') : path;
  const { value, issues } = readJsonFile(file, 'scheme');
  if (value === undefined) {
    printIssues(io, issues);
    return EXIT.input;
  }
  const m = migrateScheme(value);
  if (!m.value) {
    printIssues(io, m.issues.map((i) => ({ ...i, file })));
    io.err(`✗ ${file}: 未升级 not migrated`);
    return EXIT.input;
  }
  const outDir = a.values.get('--out');
  const target = outDir === undefined ? file : join(outDir, 'scheme.json');
  if (outDir !== undefined && existsSync(target)) {
    io.err(`✗ ${target} 已存在,不覆盖 already exists, not replaced`);
    return EXIT.input;
  }
  if (m.changes.length === 0 && outDir === undefined) {
    io.out(`✓ ${file} 已是当前格式 already in format ${FORMAT_VERSION}`);
    return EXIT.ok;
  }
  for (const c of m.changes) io.out(`  ${c.path}  ${c.message.zh} — ${c.message.en}`);
  if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
  writeWhole(target, canonicalJson(m.value, { keyOrder: DEFAULT_SCHEME_KEY_ORDER }));
  io.out(`✎ ${target}:格式版本 ${m.from} → ${m.to},${m.changes.length} 处修改 format ${m.from} → ${m.to}, ${m.changes.length} change(s)`);
  return EXIT.ok;
}

/** Temp file beside the target, synced, then renamed over it: a reader sees the old file or the new one, never half. */
function writeWhole(target: string, text: string): void {
  const temp = join(dirname(target), `.scheme.json.migrate-${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
