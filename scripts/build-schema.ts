/**
 * Writes schemes/scheme.schema.json from the TypeBox definitions (the one
 * source of truth). With --check, fails when the shipped file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema } from '../engine/index.ts';

const target = fileURLToPath(new URL('../schemes/scheme.schema.json', import.meta.url));
const text = JSON.stringify(schemeJsonSchema(), null, 2) + '\n';

if (process.argv.includes('--check')) {
  let shipped = '';
  try {
    shipped = readFileSync(target, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (shipped !== text) {
    console.error('schemes/scheme.schema.json 已过期 is stale: run `npm run schema:build`');
    process.exit(1);
  }
  console.log('schemes/scheme.schema.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
