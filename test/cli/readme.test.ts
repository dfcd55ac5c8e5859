import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pingyi, root, tmp } from './run-cli.ts';

/**
 * The README's own commands run (issue 11: "`pingyi score schemes/pingyang-2021
 * data.json` refers to a file that does not exist"): every `npx pingyi …` line
 * of its code blocks without a `<placeholder>`, in order, exits 0. Paths under
 * /tmp/ go to a fresh temporary folder so the test can run again.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const commands = blocks
  .flatMap((b) => b.split('\n'))
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('npx pingyi ') && !l.includes('<'));

describe('README command lines', () => {
  const scratch = tmp();
  it('lists the commands of the CLI, the exit codes and runnable examples', () => {
    for (const c of ['validate', 'score', 'test', 'fmt', 'diff', 'new-year']) expect(commands.some((l) => l.startsWith(`npx pingyi ${c} `) || l === `npx pingyi ${c}`)).toBe(true);
    expect(readme).toMatch(/\| 2 \| usage error/);
    expect(readme).toMatch(/\| 70 \| internal error/);
    expect(commands.some((l) => l.includes('data.json'))).toBe(false);
  });
  for (const line of commands) {
    it(line, () => {
      const args = line.slice('npx pingyi '.length).split(/\s+/).map((a) => a.replace(/^\/tmp\//, `${scratch}/`));
      const r = pingyi(...args);
      expect([r.code, r.err.split('\n').filter((l) => l.startsWith('错误 error')).slice(0, 3)]).toEqual([0, []]);
    });
  }
});
