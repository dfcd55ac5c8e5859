/**
 * What `pingyi --help` and `pingyi <command> --help` print. Kept apart from the
 * commands so that help and `--version` start without loading the engine.
 */
import type { ArgSpec } from './args.ts';

export interface CommandHelp {
  usage: string;
  summary: string;
  options?: string[];
  args: ArgSpec;
}

export const COMMAND_HELP = {
  validate: {
    usage: 'pingyi validate <方案目录|方案标识|scheme.json> [--all]',
    summary: '校验方案,列出每个问题及其 JSON Pointer — check a scheme: every problem with its JSON Pointer',
    options: ['--all   列出全部问题(默认只列前 50 个并按代码计数) print every problem (default: the first 50 and counts per code)'],
    args: { bools: ['--all'], min: 1, max: 1 },
  },
  score: {
    usage: 'pingyi score <方案目录|方案标识> <数据文件…|-> [--json [--full]] [--explain <单位标识>] [--format <格式>] [--timings]',
    summary: '按方案计分并排名,数据可为 .json、.ndjson、.csv、.xlsx、方案用例或标准输入 - — score data: ranked table, warnings, data completeness',
    options: [
      '--json               以 JSON 输出结果(紧凑格式:规则、条款、指标在 defs 中只写一次,见 schemes/result.schema.json) print the result as compact JSON (rules, clauses and indicators stated once in defs)',
      '--full               与 --json 同用:每个单位的得分说明完整写出(旧格式) with --json: every unit\'s trace written whole (the format before issue #22)',
      '--explain <unit-id>  逐项说明该单位的得分 explain every point of one unit',
      '--format <format>    标准输入 - 的格式 json|ndjson|csv|xlsx(默认自动识别) the format of standard input (default: sniffed)',
      '--timings            结束时在标准错误输出一行耗时与内存:timings {"readMs","scoreMs","writeMs","facts"(读入记录数),"folded"(合并后记录数),"maxRssMiB"} print one line of time and memory to stderr at the end',
    ],
    args: { bools: ['--json', '--full', '--timings'], values: ['--explain', '--format'], min: 2 },
  },
  test: {
    usage: 'pingyi test [<方案目录|方案标识>…]',
    summary: '运行方案的手算用例(不给参数时运行全部方案) — run the hand-checked cases of the schemes (all when none is named)',
    args: { min: 0 },
  },
  fmt: {
    usage: 'pingyi fmt <scheme.json|方案目录>… [--check]',
    summary: '按规范的键顺序与缩进格式化方案 — canonical key order and indentation for clean diffs',
    options: ['--check  只检查不改写,未规范时退出码 1 only check; exit 1 when a file is not canonical'],
    args: { bools: ['--check'], min: 1 },
  },
  diff: {
    usage: 'pingyi diff <A> <B> [--data <数据文件或用例> [--same-window]] [--json | --markdown]',
    summary: '比较两个方案版本;给出数据时列出对结果的影响 — what changed between two versions and, with data, whom it moves',
    options: [
      '--data <file>  用同一份数据按两版各算一遍 score the same data under both versions',
      '--same-window  两版都按 A 的认定期间计算影响(用上一年度数据看新年度草稿的规则变化) score both versions on A’s window (last year’s data against a new year’s draft)',
      '--json         JSON 输出 JSON output',
      '--markdown     Markdown 输出(用于评审) Markdown for review',
    ],
    args: { bools: ['--json', '--markdown', '--same-window'], values: ['--data'], min: 2, max: 2 },
  },
  'new-year': {
    usage: 'pingyi new-year <方案目录|方案标识> <年度> [--id <新方案标识>] [--out <新目录>]',
    summary: '由本方案起草新年度方案(docs/authoring.md):复制目录,顺延年度、认定期间和名称,标出需按新文件核对之处 — draft next year’s scheme from this one',
    options: ['--id <id>    新方案标识(默认把标识中的年份换成新年度) the new scheme id (default: the year in the id replaced)', '--out <dir>  新方案目录(默认与原目录同级,以新标识命名) the new folder (default: beside the old one, named by the new id)'],
    args: { values: ['--id', '--out'], min: 2, max: 2 },
  },
  template: {
    usage: 'pingyi template <方案目录|方案标识> [--xlsx | --csv] [--out <目录>]',
    summary: '生成数据填报模板:每类事实一个工作表/文件(另有 units、parents、history),含表头、可选值和示例行 — a data template: one sheet or file per fact type, headers, allowed values, a sample row',
    options: ['--xlsx       Excel 模板(默认)an Excel workbook (default)', '--csv        每表一个 CSV 文件 one CSV file per table', '--out <dir>  写入的目录(不覆盖已有文件)the folder to write to (existing files are never replaced)'],
    args: { bools: ['--xlsx', '--csv'], values: ['--out'], min: 1, max: 1 },
  },
  migrate: {
    usage: 'pingyi migrate <方案目录|方案标识|scheme.json> [--out <目录>]',
    summary: '把旧格式版本的方案升级到当前格式,逐条列出修改及其 JSON Pointer(变化见 CHANGELOG.md)— upgrade an older scheme to the current format, every change with its pointer',
    options: ['--out <dir>  写入 <dir>/scheme.json,原文件不动(不覆盖已有文件)write <dir>/scheme.json and leave the original alone (never replaces a file)'],
    args: { values: ['--out'], min: 1, max: 1 },
  },
  'data-schema': {
    usage: 'pingyi data-schema <方案目录|方案标识> [--out <文件>]',
    summary: '输出数据文件的 JSON Schema(由方案的事实类型生成,可作数据文件的 $schema) — the JSON Schema of data files, from the fact types (usable as "$schema")',
    options: ['--out <file>  写入文件(不覆盖已有文件)write to a file (never replaces one)'],
    args: { values: ['--out'], min: 1, max: 1 },
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMAND_HELP;

export const EXIT_CODES_HELP = `退出码 exit codes:
  0   成功 ok
  1   输入有问题(方案或数据有错误、用例未通过) problems in the input (scheme or data errors, failing cases)
  2   命令行用法错误 usage error
  70  内部错误(请报告) internal error (please report it)`;

export function commandHelp(name: CommandName): string {
  const h: CommandHelp = COMMAND_HELP[name];
  return [`用法 usage: ${h.usage}`, '', h.summary, ...(h.options ? ['', '选项 options:', ...h.options.map((o) => `  ${o}`)] : []), '', EXIT_CODES_HELP].join('\n');
}

export function generalHelp(version: string): string {
  const names = Object.keys(COMMAND_HELP) as CommandName[];
  return [
    `pingyi ${version} — 评议方案引擎 appraisal scheme engine`,
    '',
    '用法 usage:',
    ...names.map((n) => `  ${COMMAND_HELP[n].usage}`),
    '  pingyi <命令 command> --help     各命令的说明 help on one command',
    '  pingyi --version',
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}
