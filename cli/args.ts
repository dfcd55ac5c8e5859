/**
 * A small, strict command-line parser: every option is declared, an unknown
 * option or an option without its value is a usage error (exit 2), never
 * silently taken as a file name.
 */
export interface ArgSpec {
  /** Options without a value, e.g. `--json`. */
  bools?: readonly string[];
  /** Options with a value, e.g. `--explain <unit>`. */
  values?: readonly string[];
  /** Number of positional arguments allowed. */
  min: number;
  max?: number;
}

export interface ParsedArgs {
  bools: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

/** Returns the parsed arguments or the usage error to print. */
export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs | string {
  const out: ParsedArgs = { bools: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    // `-` alone is a file name (standard input), not an option
    if (arg.startsWith('-') && arg !== '-') {
      if (spec.bools?.includes(arg)) out.bools.add(arg);
      else if (spec.values?.includes(arg)) {
        const v = args[i + 1];
        if (v === undefined || (v.startsWith('--') && v.length > 2)) return `${arg} 后须给出取值 ${arg} needs a value`;
        if (out.values.has(arg)) return `${arg} 只能给一次 ${arg} given twice`;
        out.values.set(arg, v);
        i++;
      } else return `未知选项 unknown option: ${arg}`;
    } else out.positional.push(arg);
  }
  if (out.positional.length < spec.min) return `参数不足 missing arguments`;
  if (spec.max !== undefined && out.positional.length > spec.max) return `参数过多 too many arguments: ${out.positional.slice(spec.max).join(' ')}`;
  return out;
}
