/**
 * The process exit codes of `pingyi`, the same for every command (README §命令行).
 * 1 means the input (scheme or data) has problems the user can fix; 2 means the
 * command line itself was wrong; 70 (EX_SOFTWARE) is a bug in pingyi.
 */
export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  internal: 70,
} as const;
