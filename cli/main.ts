/**
 * The `pingyi` command line: parse, dispatch, exit codes (cli/exit-codes.ts).
 * The command modules are imported lazily so that `--version` and `--help`
 * answer at once without loading the engine.
 */
import { readFileSync } from 'node:fs';
import { DATA_FORMATS, isDataFormat } from '../io/data-format.ts';
import { parseArgs, type ParsedArgs } from './args.ts';
import type { Io } from './commands.ts';
import { EXIT } from './exit-codes.ts';
import { ThreadSink } from './thread-sink.ts';
import { COMMAND_HELP, commandHelp, generalHelp, type CommandName } from './help.ts';
import { packageRoot } from './package-root.ts';

const io: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  stdout: process.stdout,
  // a closed reader ends the run quietly, as for process.stdout below
  threadedStdout: () => new ThreadSink(1, () => process.exit(EXIT.ok)),
};
const root = packageRoot();

function version(): string {
  try {
    return (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

type Runner = (a: ParsedArgs) => Promise<number> | number;

const RUN: Record<CommandName, Runner> = {
  validate: async (a) => (await import('./commands.ts')).validateCommand(io, a.positional[0] as string, { all: a.bools.has('--all') }),
  score: async (a) => {
    const [dir, ...files] = a.positional as [string, ...string[]];
    const explain = a.values.get('--explain');
    const format = a.values.get('--format');
    if (format !== undefined && !isDataFormat(format)) {
      io.err(`--format 须为 ${DATA_FORMATS.join('、')} --format must be one of ${DATA_FORMATS.join(', ')}`);
      return EXIT.usage;
    }
    return (await import('./score-command.ts')).scoreCommand(io, dir, files, {
      json: a.bools.has('--json'),
      full: a.bools.has('--full'),
      timings: a.bools.has('--timings'),
      ...(explain !== undefined ? { explain } : {}),
      ...(format !== undefined ? { format } : {}),
    });
  },
  test: async (a) => (await import('./commands.ts')).testCommand(io, a.positional, root),
  fmt: async (a) => (await import('./commands.ts')).fmtCommand(io, a.positional, a.bools.has('--check')),
  diff: async (a) => (await import('./diff-command.ts')).diffCommand(io, a),
  'new-year': async (a) => (await import('./new-year-command.ts')).newYearCommand(io, a),
  template: async (a) => (await import('./template-command.ts')).templateCommand(io, a),
  migrate: async (a) => (await import('./migrate-command.ts')).migrateCommand(io, a),
  'data-schema': async (a) => (await import('./template-command.ts')).dataSchemaCommand(io, a),
};

const isCommand = (s: string): s is CommandName => Object.hasOwn(COMMAND_HELP, s);

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v' || cmd === 'version') {
    // which one runs matters when a build is suspected stale (bin/pingyi.js picks)
    io.out(`pingyi ${version()} (${import.meta.url.endsWith('.ts') ? 'sources' : 'dist'})`);
    return EXIT.ok;
  }
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = rest[0];
    if (cmd === 'help' && topic !== undefined && isCommand(topic)) io.out(commandHelp(topic));
    else (cmd === undefined ? io.err : io.out)(generalHelp(version()));
    return cmd === undefined ? EXIT.usage : EXIT.ok;
  }
  if (!isCommand(cmd)) {
    io.err(`未知命令 unknown command: ${cmd}`);
    io.err(generalHelp(version()));
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(cmd));
    return EXIT.ok;
  }
  const parsed = parseArgs(rest, COMMAND_HELP[cmd].args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    io.err(commandHelp(cmd));
    return EXIT.usage;
  }
  return RUN[cmd](parsed);
}

function internalError(e: unknown): void {
  // the last line of defence: say what failed, without a stack trace for the user
  process.stderr.write(`内部错误 internal error: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = EXIT.internal;
}

// A reader that stops early (`pingyi score … --json | head`) closes the pipe: that is
// not an error of ours, so end quietly and successfully instead of dying on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    internalError(e);
    process.exit(EXIT.internal);
  });
}
process.on('uncaughtException', (e) => {
  internalError(e);
  process.exit(EXIT.internal);
});

// exitCode, not exit(): a large --json output to a pipe must finish writing before the process ends
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, internalError);
