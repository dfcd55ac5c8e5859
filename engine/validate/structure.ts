import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { joinPointer, schemeIssue, type Issue } from '../issue.ts';
import { describeAjvError, listValues, show } from './ajv-messages.ts';
import { missingPointsMessage } from './missing-points.ts';
import { Scheme } from '../scheme/scheme.ts';

let compiled: ValidateFunction | undefined;

/**
 * The dialect every generated JSON Schema declares. The engine validates with
 * ajv's default class, which is draft-07; naming it lets other validators
 * (Monaco, an IDE) read the files as we do instead of guessing.
 */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/**
 * The one JSON Schema of the scheme format, as shipped in schemes/scheme.schema.json.
 * TypeBox inlines a recursive type (Indicator, Condition) with its own `$id` at
 * every use; one document must not declare an id twice, so each is hoisted
 * once into `$defs` and every use becomes a local `$ref`.
 */
export function schemeJsonSchema(): Record<string, unknown> {
  return hoistDefs(Scheme);
}

/** A TypeBox schema as one JSON Schema document, its recursive types hoisted into `$defs` (see above). */
export function hoistDefs(schema: unknown): Record<string, unknown> {
  const root = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  const defs: Record<string, unknown> = {};
  const hoist = (node: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => hoist(n, false));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$ref' && typeof v === 'string' && !v.includes('#')) out[k] = `#/$defs/${v}`;
      else out[k] = hoist(v, false);
    }
    if (!isRoot && typeof obj.$id === 'string') {
      const id = obj.$id;
      delete out.$id;
      if (!(id in defs)) defs[id] = out;
      return { $ref: `#/$defs/${id}` };
    }
    return out;
  };
  const result = hoist(root, true) as Record<string, unknown>;
  return { $schema: JSON_SCHEMA_DIALECT, ...result, $defs: defs };
}

let firstOnly: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // discriminator: a wrong `kind` yields one error at `kind`, not one per variant
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: false, verbose: true }).compile(schemeJsonSchema());
  return compiled;
}

/** Stops at the first error: linear on any document. */
function quickValidator(): ValidateFunction {
  firstOnly ??= new Ajv({ allErrors: false, discriminator: true, strict: false, verbose: true }).compile(schemeJsonSchema());
  return firstOnly;
}

/** Whether a document has a valid structure, stopping at the first problem: linear on any document. */
export function structureValid(doc: unknown): boolean {
  return quickValidator()(doc);
}

/**
 * Above this many nodes, a document that is not valid gets its first
 * structural problem only. ajv concatenates the error lists of recursive
 * definitions (Indicator, Condition) at every call, so collecting every error
 * of a huge broken list costs time quadratic in the errors (3,000 broken
 * conditions: 9 s; 30,000: hours). Real schemes have about 3,000 nodes.
 */
export const FULL_REPORT_NODES = 20_000;

/**
 * Layer 1: structure. Every ajv error becomes an issue whose path is the
 * instancePath (additional and missing properties point at the property
 * itself, so an editor underlines the right key). Messages are built from
 * the keyword and params in both languages (see ajv-messages.ts).
 */
export function checkStructure(doc: unknown, nodes = 0): Issue[] {
  const quick = quickValidator();
  if (quick(doc)) return [];
  const large = nodes > FULL_REPORT_NODES;
  const validate = large ? quick : validator();
  if (!large) validate(doc);
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of validate.errors ?? []) {
    // oneOf/anyOf summaries repeat what the discriminated branch already said
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const path = pathOf(e);
    const key = `${e.keyword}${path}${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const points = missingPointsMessage(doc, e);
    const m = points ?? (e.keyword === 'discriminator' ? discriminatorMessage(e) : describeAjvError(e, valueOf(e)));
    out.push(schemeIssue(points ? 'missing-points' : `schema-${e.keyword}`, path, m.zh, m.en));
  }
  if (large) {
    out.push(
      schemeIssue(
        'schema-first-problem-only',
        '',
        `方案较大(${nodes} 个节点,超过 ${FULL_REPORT_NODES}),只报告了第一个格式问题;修正后再次校验可看到下一个`,
        `a large scheme (${nodes} nodes, over ${FULL_REPORT_NODES}): only its first structural problem is reported; validate again after fixing it`,
        'warning',
      ),
    );
  }
  return out;
}

/** The offending value, for keywords where quoting it helps (ajv gives it with `verbose`). */
function valueOf(e: ErrorObject): unknown {
  return e.keyword === 'required' || e.keyword === 'additionalProperties' || (e.data !== null && typeof e.data === 'object') ? undefined : e.data;
}

function pathOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return joinPointer(e.instancePath, String(p.additionalProperty));
  if (e.keyword === 'required') return joinPointer(e.instancePath, String(p.missingProperty));
  if (e.keyword === 'discriminator') return joinPointer(e.instancePath, String(p.tag));
  return e.instancePath;
}

/** A wrong `kind`: list the kinds the editor can offer instead of ajv's "tag must be string". */
function discriminatorMessage(e: ErrorObject): { zh: string; en: string } {
  const p = e.params as Record<string, unknown>;
  const variants = ((e.parentSchema as { oneOf?: Array<{ properties?: { kind?: { const?: string } } }> } | undefined)?.oneOf ?? [])
    .map((v) => v.properties?.kind?.const)
    .filter((k): k is string => typeof k === 'string');
  const list = listValues(variants);
  const got = p.tagValue === undefined ? { zh: '', en: '' } : { zh: `,实为 ${show(p.tagValue)}`, en: `, got ${show(p.tagValue)}` };
  return { zh: `${String(p.tag)} 须为以下之一:${list.zh}${got.zh}`, en: `${String(p.tag)} must be one of: ${list.en}${got.en}` };
}
