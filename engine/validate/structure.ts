import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { schemeIssue, type Issue } from '../issue.ts';
import { Scheme } from '../scheme/scheme.ts';

let compiled: ValidateFunction | undefined;

/**
 * The one JSON Schema of the scheme format, as shipped in schemes/scheme.schema.json.
 * TypeBox inlines a recursive type (Indicator, Condition) with its own `$id` at
 * every use; one document must not declare an id twice, so each is hoisted
 * once into `$defs` and every use becomes a local `$ref`.
 */
export function schemeJsonSchema(): Record<string, unknown> {
  const root = JSON.parse(JSON.stringify(Scheme)) as Record<string, unknown>;
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
  return { ...result, $defs: defs };
}

function validator(): ValidateFunction {
  // discriminator: a wrong `kind` yields one error at `kind`, not one per variant
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: false, verbose: true }).compile(schemeJsonSchema());
  return compiled;
}

/**
 * Layer 1: structure. Every ajv error becomes an issue whose path is the
 * instancePath (additional and missing properties point at the property
 * itself, so an editor underlines the right key).
 */
export function checkStructure(doc: unknown): Issue[] {
  const validate = validator();
  if (validate(doc)) return [];
  const en = (validate.errors ?? []).map((e) => ({ ...e }));
  const zh = en.map((e) => ({ ...e }));
  localizeZh(zh);
  const seen = new Set<string>();
  const out: Issue[] = [];
  en.forEach((e, i) => {
    // oneOf/anyOf summaries repeat what the discriminated branch already said
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') return;
    const path = pathOf(e);
    const key = `${e.keyword}${path}${e.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const z = zh[i] as ErrorObject;
    out.push(schemeIssue(`schema-${e.keyword}`, path, `${z.message ?? '不符合方案格式'}${detail(e)}`, `${e.message ?? 'does not match the scheme format'}${detail(e)}`));
  });
  return out;
}

function pathOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${String(p.additionalProperty)}`;
  if (e.keyword === 'required') return `${e.instancePath}/${String(p.missingProperty)}`;
  if (e.keyword === 'discriminator') return `${e.instancePath}/${String(p.tag)}`;
  return e.instancePath;
}

function detail(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'enum') return `: ${JSON.stringify(p.allowedValues)}`;
  if (e.keyword === 'const') return `: ${JSON.stringify(p.allowedValue)}`;
  if (e.keyword === 'additionalProperties') return `: ${String(p.additionalProperty)}`;
  if (e.keyword === 'discriminator') {
    // list the kinds the editor can offer instead of ajv's "tag must be string"
    const variants = ((e.parentSchema as { oneOf?: Array<{ properties?: { kind?: { const?: string } } }> } | undefined)?.oneOf ?? [])
      .map((v) => v.properties?.kind?.const)
      .filter((k): k is string => typeof k === 'string');
    return `: ${String(p.tag)} = ${JSON.stringify(p.tagValue)}; ${variants.join(' | ')}`;
  }
  return '';
}
