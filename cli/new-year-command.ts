/**
 * `pingyi new-year <scheme> <year> [--id <id>] [--out <dir>]`: docs/authoring.md
 * §一 as a command. The scheme is drafted by the engine (`nextYear`); this
 * copies the folder around it. Cases are not copied: their facts carry last
 * year's dates and would fail the new window (`outside-window`), and their
 * expectations were worked out from last year's document. They are listed in
 * `cases-previous-year.md` instead, to be redone by hand.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hasErrors, nextYear, validateScheme, type Issue } from '../engine/index.ts';
import { canonicalJson, DEFAULT_SCHEME_KEY_ORDER } from '../engine/format/canonical-json.ts';
import type { ParsedArgs } from './args.ts';
import type { Io } from './commands.ts';
import { printIssues } from './commands.ts';
import { EXIT } from './exit-codes.ts';
import { commandHelp } from './help.ts';
import { loadScheme } from './load-scheme.ts';

export async function newYearCommand(io: Io, args: ParsedArgs): Promise<number> {
  const [source, yearArg] = args.positional as [string, string];
  const year = Number(yearArg);
  if (!/^\d{4}$/.test(yearArg)) {
    io.err(`年度须为四位数字 the year must be four digits: ${yearArg}`);
    io.err(commandHelp('new-year'));
    return EXIT.usage;
  }
  const loaded = loadScheme(source);
  if (!loaded.scheme) {
    printIssues(io, loaded.issues);
    io.err(`✗ ${loaded.file}: 方案无效,无法起草 invalid scheme, nothing drafted`);
    return EXIT.input;
  }
  const id = args.values.get('--id');
  const { scheme, notes } = nextYear(loaded.scheme, { year, ...(id !== undefined ? { id } : {}) });
  if (hasErrors(notes)) {
    printIssues(io, notes);
    return EXIT.input;
  }
  const out = args.values.get('--out') ?? join(dirname(loaded.dir.replace(/[/\\]+$/, '') || '.'), scheme.id);
  if (existsSync(out) && readdirSync(out).length > 0) {
    io.err(`✗ ${out} 已存在且不为空,不覆盖 already exists and is not empty; nothing overwritten (use --out)`);
    return EXIT.input;
  }
  mkdirSync(out, { recursive: true });
  const file = join(out, 'scheme.json');
  writeFileSync(file, canonicalJson(scheme, { keyOrder: DEFAULT_SCHEME_KEY_ORDER }));
  const located: Issue[] = notes.map((n) => ({ ...n, file }));
  const copied = ['scheme.json'];
  const roster = join(loaded.dir, 'roster.json');
  if (existsSync(roster)) {
    copyFileSync(roster, join(out, 'roster.json'));
    copied.push('roster.json');
    located.push({ code: 'next-year-roster', path: '', severity: 'warning', source: 'data', file: join(out, 'roster.json'), message: { zh: '参评名单沿用上一年度,请按新年度名单核对', en: "last year's roster copied; check it against this year's list" } });
  }
  const cases = existsSync(join(loaded.dir, 'cases')) ? readdirSync(join(loaded.dir, 'cases')).filter((f) => f.endsWith('.json')).sort() : [];
  writeFileSync(join(out, 'README.md'), readme(loaded.scheme.id, loaded.scheme.version, scheme.id, year, located, join(loaded.dir, 'README.md')));
  copied.push('README.md');
  if (cases.length > 0) writeFileSync(join(out, 'cases-previous-year.md'), casesNote(loaded.scheme.id, scheme.window, cases));

  // the draft is the old scheme with metadata moved on: it validates unless the old one relied on something odd
  const check = validateScheme(scheme);
  printIssues(io, [...located, ...check.issues.map((i) => ({ ...i, file }))]);
  io.out(`✓ 已起草 drafted ${file}(${scheme.id},依据 basedOn ${loaded.scheme.id} ${loaded.scheme.version})`);
  io.out(`  已复制 copied: ${copied.join('、')}`);
  const skipped = [...(cases.length ? [`cases/(${cases.length} 个用例 cases:事实日期在新认定期间之外,预期按上一年度文件手算;见 cases-previous-year.md)`] : []), ...(existsSync(join(loaded.dir, 'source.txt')) ? ['source.txt(上一年度文件原文 last year’s document text)'] : [])];
  if (skipped.length) io.out(`  未复制 not copied: ${skipped.join(';')}`);
  io.out(`  ${located.length} 处需按新年度文件核对(见上方警告) places to check against the new document (warnings above)`);
  io.out(`  下一步 next: npx pingyi validate ${out} && npx pingyi diff ${loaded.dir} ${out} --markdown`);
  return check.ok ? EXIT.ok : EXIT.input;
}

function readme(oldId: string, oldVersion: string, id: string, year: number, notes: Issue[], oldReadme: string): string {
  const lines = [
    `# ${id}(草稿 draft)`,
    '',
    `由 \`${oldId}\` ${oldVersion} 起草(\`pingyi new-year\`)。以下各处须按 ${year} 年度文件核对后删去本节:`,
    '',
    ...notes.map((n) => `- \`${basename(n.file ?? '')}\` \`${n.path || '/'}\`:${n.message.zh}`),
    '',
    '用例(`cases/`)未复制:请按新年度文件重新手算,见 `cases-previous-year.md`。',
  ];
  if (existsSync(oldReadme)) lines.push('', '---', '', `以下为上一年度 README(${oldId}),请逐条按新文件修订:`, '', readFileSync(oldReadme, 'utf8'));
  return lines.join('\n') + '\n';
}

function casesNote(oldId: string, window: { from: string; to: string } | undefined, cases: string[]): string {
  return [
    `# 上一年度用例 cases of ${oldId}`,
    '',
    `这些用例没有复制到 \`cases/\`:它们的事实日期属于上一年度${window ? `,在新认定期间 ${window.from} 至 ${window.to} 之外,会报 \`outside-window\`` : ''};`,
    '预期结果按上一年度文件手算,不能证明新方案正确。请参照它们,按新年度文件逐项重新手算后写入 `cases/`。',
    '',
    ...cases.map((c) => `- \`${oldId}/cases/${c}\``),
  ].join('\n') + '\n';
}
