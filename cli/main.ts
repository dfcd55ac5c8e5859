import { fileURLToPath } from 'node:url';
import { isDataFormat } from '../io/index.ts';
import { fmtCommand, scoreCommand, testCommand, validateCommand, type Io } from './commands.ts';

const USAGE = `pingyi — 评议方案引擎 appraisal scheme engine

用法 usage:
  pingyi validate <scheme-dir|scheme.json>
  pingyi score <scheme-dir> <data.json|.ndjson|.csv|.xlsx|->… [--json] [--explain <unit-id>] [--format json|ndjson|csv|xlsx]
  pingyi test [<scheme-dir>…]
  pingyi fmt <scheme.json>… [--check]
  pingyi diff <A> <B> [--data <file>] [--json | --markdown]
  pingyi template <scheme-dir> [--xlsx | --csv] [--out <dir>]
  pingyi data-schema <scheme-dir> [--out <file>]`;

const io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
const root = fileURLToPath(new URL('..', import.meta.url));

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}
function bool(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'validate':
      if (args.length !== 1) break;
      return validateCommand(io, args[0] as string);
    case 'score': {
      const json = bool(args, '--json');
      const explain = flag(args, '--explain');
      const format = flag(args, '--format'); // of standard input (`-`); sniffed when absent
      if (args.length < 2 || (format !== undefined && !isDataFormat(format))) break;
      const [dir, ...files] = args as [string, ...string[]];
      return scoreCommand(io, dir, files, { json, ...(explain !== undefined ? { explain } : {}), ...(format !== undefined ? { format } : {}) });
    }
    case 'test':
      return testCommand(io, args, root);
    case 'fmt': {
      const check = bool(args, '--check');
      if (args.length === 0) break;
      return fmtCommand(io, args, check);
    }
    case 'diff': {
      const { diffCommand } = await import('./diff-command.ts');
      return diffCommand(io, args);
    }
    case 'template':
      return (await import('./template-command.ts')).templateCommand(io, args);
    case 'data-schema':
      return (await import('./template-command.ts')).dataSchemaCommand(io, args);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return cmd === undefined ? 1 : 0;
    default:
      io.err(`未知命令 unknown command: ${cmd}`);
  }
  io.err(USAGE);
  return 2;
}

// exitCode, not exit(): a large --json output to a pipe must finish writing before the process ends
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // the last line of defence: say what failed, without a stack trace for the user
    io.err(`内部错误 internal error: ${(e as Error)?.message ?? String(e)}`);
    process.exitCode = 70;
  },
);
