/**
 * Files generated from the one source (the JSON Schema, the reference docs): write them, or with
 * --check fail when the shipped copy is stale, so `npm test` catches a definition changed without a rebuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function writeOrCheck(target: string, text: string, rebuild: string): void {
  const name = relative(process.cwd(), target);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, text);
    console.log(`wrote ${name}`);
    return;
  }
  let shipped = '';
  try {
    shipped = readFileSync(target, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (shipped !== text) {
    console.error(`${name} 已过期 is stale: run \`${rebuild}\``);
    process.exit(1);
  }
  console.log(`${name} is up to date`);
}
