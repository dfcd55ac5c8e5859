/**
 * Writes schemes/scheme.schema.json (and schemes/result.schema.json, the compact
 * result of `pingyi score --json`) from the TypeBox definitions (the one
 * source of truth). With --check, fails when the shipped file is stale.
 */
import { fileURLToPath } from 'node:url';
import { resultJsonSchema, schemeJsonSchema } from '../engine/index.ts';
import { writeOrCheck } from './generated-file.ts';

const target = fileURLToPath(new URL('../schemes/scheme.schema.json', import.meta.url));
const text = JSON.stringify(schemeJsonSchema(), null, 2) + '\n';

writeOrCheck(target, text, 'npm run schema:build');

// the compact result of `pingyi score --json` (issue #22)
const resultTarget = fileURLToPath(new URL('../schemes/result.schema.json', import.meta.url));
writeOrCheck(resultTarget, JSON.stringify(resultJsonSchema(), null, 2) + '\n', 'npm run schema:build');
