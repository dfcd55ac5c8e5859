/**
 * Writes docs/reference.md from the TypeBox definitions (the one source of
 * truth): every key of the scheme format and of the case-file format, with its
 * type, whether it is required, its constraints, its description in Chinese
 * and English (`doc(zh, en)` writes "中文 — English") and an example. The
 * example is the definition's own `examples[0]` when it has one, else the
 * first use of the key in the shipped schemes and cases (validated by the
 * tests, so it cannot go stale). With --check, fails when the shipped file is
 * stale, like schema:check. Either way it fails, listing them, when a key lacks
 * a Chinese or English description or an example: the reference cannot rot.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema } from '../engine/index.ts';
import { SchemeCaseSchema } from '../engine/cases/case-schema.ts';
import { writeOrCheck } from './generated-file.ts';

type Node = Record<string, unknown>;
const target = fileURLToPath(new URL('../docs/reference.md', import.meta.url));
const schemesDir = fileURLToPath(new URL('../schemes', import.meta.url));

const scheme = schemeJsonSchema();
const defs = (scheme.$defs ?? {}) as Record<string, Node>;

function split(description: unknown): { zh: string; en: string } {
  if (typeof description !== 'string') return { zh: '', en: '' };
  const i = description.indexOf(' — ');
  return i < 0 ? { zh: description, en: '' } : { zh: description.slice(0, i), en: description.slice(i + 3) };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function deref(n: Node): Node {
  const ref = n.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return { ...(defs[ref.slice(8)] ?? {}), description: n.description ?? defs[ref.slice(8)]?.description };
  return n;
}

function typeOf(raw: Node): string {
  const n = deref(raw);
  if (typeof raw.$ref === 'string') return `[${raw.$ref.slice(8)}](#${anchor(raw.$ref.slice(8))})`;
  if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
  if (Array.isArray(n.enum)) return n.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (Array.isArray(n.oneOf) || Array.isArray(n.anyOf)) return 'one of 之一';
  if (n.type === 'array') return `${typeOf((n.items ?? {}) as Node)}[]`;
  if (n.type === 'object' && n.patternProperties) return 'map 映射';
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object' && !n.properties) return `map → ${typeOf(n.additionalProperties as Node)}`;
  return typeof n.type === 'string' ? n.type : Array.isArray(n.type) ? n.type.join(' \\| ') : 'any';
}

function constraints(n: Node): string {
  const out: string[] = [];
  const lo = n.exclusiveMinimum ?? n.minimum;
  const hi = n.exclusiveMaximum ?? n.maximum;
  if (lo !== undefined || hi !== undefined) out.push(`${n.exclusiveMinimum !== undefined ? '(' : '['}${String(lo ?? '−∞')}, ${String(hi ?? '∞')}${n.exclusiveMaximum !== undefined ? ')' : ']'}`);
  if (n.minItems !== undefined) out.push(`≥ ${String(n.minItems)} items`);
  if (n.maxItems !== undefined) out.push(`≤ ${String(n.maxItems)} items`);
  if (n.minLength !== undefined) out.push(`length ≥ ${String(n.minLength)}`);
  if (n.pattern !== undefined) out.push(`pattern \`${String(n.pattern)}\``);
  if (n.default !== undefined) out.push(`default ${JSON.stringify(n.default)}`);
  return out.join('; ');
}

const anchor = (title: string) => title.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '');

interface Section {
  title: string;
  node: Node;
}

/** Sections in document order: each object with properties, each variant of a tagged union, each definition once. */
function collect(root: Node, title: string, out: Section[], seen: Set<string>): void {
  const n = deref(root);
  if (typeof root.$ref === 'string') {
    const name = root.$ref.slice(8);
    if (seen.has(name)) return;
    seen.add(name);
    collect(defs[name] ?? {}, name, out, seen);
    return;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const variants = n[key];
    if (Array.isArray(variants)) {
      (variants as Node[]).forEach((v, i) => {
        const kind = ((v.properties as Record<string, Node> | undefined)?.kind as Node | undefined)?.const;
        collect(v, `${title} (${kind !== undefined ? `kind = "${String(kind)}"` : `form ${i + 1}`})`, out, seen);
      });
      return;
    }
  }
  if (n.type === 'array') return collect((n.items ?? {}) as Node, `${title}[]`, out, seen);
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object' && !n.properties) {
    return collect(n.additionalProperties as Node, `${title}{}`, out, seen);
  }
  const props = n.properties as Record<string, Node> | undefined;
  if (!props || Object.keys(props).length === 0) return;
  out.push({ title, node: n });
  for (const [k, v] of Object.entries(props)) collect(v, `${title}.${k}`, out, seen);
}

/** The JSON files to take examples from: every shipped scheme (examples/ included) and case. */
function shipped(): { schemes: unknown[]; cases: unknown[] } {
  const schemes: unknown[] = [];
  const cases: unknown[] = [];
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as unknown;
  const visitDir = (dir: string) => {
    if (existsSync(join(dir, 'scheme.json'))) schemes.push(read(join(dir, 'scheme.json')));
    const c = join(dir, 'cases');
    if (existsSync(c)) for (const f of readdirSync(c).sort()) if (f.endsWith('.json') && !f.endsWith('.input.json')) cases.push(read(join(c, f)));
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory() && e.name !== 'cases') visitDir(join(dir, e.name));
  };
  visitDir(schemesDir);
  return { schemes, cases };
}

type Examples = Map<string, Map<string, unknown[]>>;
/** Values seen per definition (by its JSON text): a key never used where it stands takes a use of the same definition elsewhere. */
const byDefinition = new Map<string, unknown[]>();
const signature = (v: Node) => JSON.stringify(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value could be an instance of a (dereferenced) variant, judged by its type, tag and keys. */
function fits(raw: Node, v: unknown): boolean {
  const n = deref(raw);
  if (n.const !== undefined) return n.const === v;
  if (Array.isArray(n.enum)) return n.enum.includes(v);
  if (Array.isArray(n.oneOf) || Array.isArray(n.anyOf)) return ((n.oneOf ?? n.anyOf) as Node[]).some((x) => fits(x, v));
  switch (n.type) {
    case 'array':
      return Array.isArray(v);
    case 'object': {
      if (!isRecord(v)) return false;
      const props = (n.properties ?? {}) as Record<string, Node>;
      const required = (n.required as string[] | undefined) ?? [];
      if (!required.every((k) => k in v)) return false;
      if (n.additionalProperties === false && !Object.keys(v).every((k) => k in props)) return false;
      return Object.entries(props).every(([k, p]) => !(k in v) || (deref(p).const === undefined ? true : deref(p).const === v[k]));
    }
    case 'string':
      return typeof v === 'string';
    case 'number':
    case 'integer':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

/** Walk a document with its schema the way `collect` names sections, keeping every value seen per section and key. */
function harvest(root: Node, title: string, v: unknown, out: Examples, first = new Set<string>()): void {
  if (typeof root.$ref === 'string') {
    const name = root.$ref.slice(8);
    return harvest(defs[name] ?? {}, name, v, out, first);
  }
  const n = root;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const variants = n[key];
    if (Array.isArray(variants)) {
      const i = (variants as Node[]).findIndex((x) => fits(x, v));
      const chosen = (variants as Node[])[i];
      if (!chosen) return;
      const kind = ((chosen.properties as Record<string, Node> | undefined)?.kind as Node | undefined)?.const;
      return harvest(chosen, `${title} (${kind !== undefined ? `kind = "${String(kind)}"` : `form ${i + 1}`})`, v, out, first);
    }
  }
  if (n.type === 'array') {
    if (Array.isArray(v)) for (const x of v) harvest((n.items ?? {}) as Node, `${title}[]`, x, out, first);
    return;
  }
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object' && !n.properties) {
    if (isRecord(v)) for (const x of Object.values(v)) harvest(n.additionalProperties as Node, `${title}{}`, x, out, first);
    return;
  }
  const props = n.properties as Record<string, Node> | undefined;
  if (!props || !isRecord(v)) return;
  let section = out.get(title);
  if (!section) out.set(title, (section = new Map()));
  for (const [k, p] of Object.entries(props)) {
    if (!(k in v)) continue;
    const seen = section.get(k) ?? [];
    // a handful per key is enough to pick a short one
    if (seen.length < 8) seen.push(v[k]);
    section.set(k, seen);
    const same = byDefinition.get(signature(p)) ?? [];
    if (same.length < 8) same.push(v[k]);
    byDefinition.set(signature(p), same);
    harvest(p, `${title}.${k}`, v[k], out, first);
  }
}

const EXAMPLE_WIDTH = 70;

/** The example shown for a key: its own `examples[0]`, else the shortest use found (cut at the width). */
function exampleOf(v: Node, found: unknown[] | undefined): string | undefined {
  // a tag is its own example
  if (deref(v).const !== undefined) return JSON.stringify(deref(v).const);
  const own = Array.isArray(v.examples) ? v.examples : Array.isArray(deref(v).examples) ? (deref(v).examples as unknown[]) : undefined;
  const candidates = own && own.length > 0 ? [own[0]] : found && found.length > 0 ? found : (byDefinition.get(signature(v)) ?? []);
  const texts = candidates.map((x) => JSON.stringify(x)).filter((t): t is string => t !== undefined);
  if (texts.length === 0) return undefined;
  // the first that fits the column; else the shortest, cut
  const pick = texts.find((t) => t.length <= EXAMPLE_WIDTH && t !== '[]' && t !== '{}') ?? texts.reduce((a, b) => (b.length < a.length ? b : a));
  return pick.length <= EXAMPLE_WIDTH ? pick : `${pick.slice(0, EXAMPLE_WIDTH - 1)}…`;
}

/**
 * A key's description: its own, else its definition's; a `kind` tag without one
 * says which variant it marks, in the variant's own words.
 */
function describe(section: Node, key: string, v: Node): { zh: string; en: string } {
  const own = split(v.description);
  if (own.zh || own.en) return own;
  const target = deref(v);
  if (key === 'kind' && target.const !== undefined) {
    const variant = split(section.description);
    if (variant.zh && variant.en) return { zh: `标记:${variant.zh}`, en: `tag: ${variant.en}` };
  }
  return split(target.description);
}

function render(sections: Section[], examples: Examples): string {
  const lines: string[] = [];
  for (const s of sections) {
    const d = split(s.node.description);
    lines.push(`### ${s.title}`, '');
    if (d.zh || d.en) lines.push([d.zh, d.en].filter(Boolean).join(' — '), '');
    lines.push('| 键 key | 类型 type | 必填 required | 约束 constraints | 说明 | description | 示例 example |', '|---|---|---|---|---|---|---|');
    const required = new Set((s.node.required as string[] | undefined) ?? []);
    for (const [k, v] of Object.entries(s.node.properties as Record<string, Node>)) {
      const target = deref(v);
      const fallback = describe(s.node, k, v);
      const example = exampleOf(v, examples.get(s.title)?.get(k));
      lines.push(`| \`${k}\` | ${cell(typeOf(v))} | ${required.has(k) ? '是 yes' : ''} | ${cell(constraints(target))} | ${cell(fallback.zh)} | ${cell(fallback.en)} | ${example === undefined ? '' : `\`${cell(example).replace(/`/g, "'")}\``} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Keys that lack a Chinese or English description or an example, as `section.key (what is missing)`. */
function missingOf(sections: Section[], examples: Examples): string[] {
  return sections.flatMap((s) =>
    Object.entries(s.node.properties as Record<string, Node>).flatMap(([k, v]) => {
      const d = describe(s.node, k, v);
      const lacks = [!d.zh && 'zh', !d.en && 'en', exampleOf(v, examples.get(s.title)?.get(k)) === undefined && 'example'].filter(Boolean);
      return lacks.length > 0 ? [`${s.title}.${k} (${lacks.join(', ')})`] : [];
    }),
  );
}

function build(): { text: string; missing: string[] } {
  const caseSchema = JSON.parse(JSON.stringify(SchemeCaseSchema)) as Node;
  const schemeSections: Section[] = [];
  collect(scheme, 'scheme', schemeSections, new Set());
  const caseSections: Section[] = [];
  collect(caseSchema, 'case', caseSections, new Set());
  const docs = shipped();
  const schemeExamples: Examples = new Map();
  for (const d of docs.schemes) harvest(scheme, 'scheme', d, schemeExamples);
  const caseExamples: Examples = new Map();
  for (const c of docs.cases) harvest(caseSchema, 'case', c, caseExamples);
  const missing = [...missingOf(schemeSections, schemeExamples), ...missingOf(caseSections, caseExamples)];
  const text = [
    '# 方案格式参考 Scheme format reference',
    '',
    '<!-- 由 scripts/build-reference.ts 从 engine/scheme/ 与 engine/cases/case-schema.ts 的 TypeBox 定义生成,请勿手改;`npm run reference:build` 重新生成。 -->',
    '<!-- Generated from the TypeBox definitions by scripts/build-reference.ts; do not edit: run `npm run reference:build`. -->',
    '',
    '每个键的类型、是否必填、约束、说明(中文与英文)和示例。示例取自定义中的 `examples`,没有时取自随附方案与测试案例中该键的实际用法。数字一律为有限数,绝对值不超过 1e9;嵌套不超过 64 层,列表不超过 100,000 项。',
    'Every key with its type, whether it is required, its constraints, its description and an example. The example is the definition\'s own `examples`, else the key as the shipped schemes and cases use it. Every number is finite and within ±1e9; nesting is at most 64 levels and lists at most 100,000 items.',
    '',
    '## 方案 Scheme (`schemes/<id>/scheme.json`)',
    '',
    render(schemeSections, schemeExamples),
    '## 测试案例 Case files (`schemes/<id>/cases/*.json`)',
    '',
    render(caseSections, caseExamples),
  ].join('\n');
  return { text, missing };
}

const { text, missing } = build();
if (missing.length > 0) {
  // a key without its meaning or an example is a defect of the definitions, not of the generated file
  console.error(`${missing.length} 个键缺少说明或示例 keys lack a description (zh/en) or an example; add doc(zh, en) / examples to their TypeBox definitions:`);
  for (const m of missing) console.error(`  ${m}`);
  process.exit(1);
}
writeOrCheck(target, text, 'npm run reference:build');
