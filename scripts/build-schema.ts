/**
 * Writes schemes/scheme.schema.json, schemes/case.schema.json and
 * schemes/result.schema.json (the compact result of `pingyi score --json`)
 * from the TypeBox definitions (the one source of truth). With --check, fails
 * when a shipped file is stale.
 */
import { fileURLToPath } from 'node:url';
import { caseJsonSchema, resultJsonSchema, schemeJsonSchema } from '../engine/index.ts';
import { writeOrCheck } from './generated-file.ts';

const target = fileURLToPath(new URL('../schemes/scheme.schema.json', import.meta.url));
const text = JSON.stringify(schemeJsonSchema(), null, 2) + '\n';

writeOrCheck(target, text, 'npm run schema:build');

// the compact result of `pingyi score --json` (issue #22)
const resultTarget = fileURLToPath(new URL('../schemes/result.schema.json', import.meta.url));
writeOrCheck(resultTarget, JSON.stringify(resultJsonSchema(), null, 2) + '\n', 'npm run schema:build');

// a scheme's case files (issue #20: unknown keys are errors)
const caseTarget = fileURLToPath(new URL('../schemes/case.schema.json', import.meta.url));
writeOrCheck(caseTarget, JSON.stringify(caseJsonSchema(), null, 2) + '\n', 'npm run schema:build');
