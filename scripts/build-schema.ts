/**
 * Writes schemes/scheme.schema.json and schemes/case.schema.json from the
 * TypeBox definitions (the one source of truth). With --check, fails when a
 * shipped file is stale.
 */
import { fileURLToPath } from 'node:url';
import { caseJsonSchema, schemeJsonSchema } from '../engine/index.ts';
import { writeOrCheck } from './generated-file.ts';

const target = fileURLToPath(new URL('../schemes/scheme.schema.json', import.meta.url));
const text = JSON.stringify(schemeJsonSchema(), null, 2) + '\n';

writeOrCheck(target, text, 'npm run schema:build');

const caseTarget = fileURLToPath(new URL('../schemes/case.schema.json', import.meta.url));
writeOrCheck(caseTarget, JSON.stringify(caseJsonSchema(), null, 2) + '\n', 'npm run schema:build');
