/**
 * Writes docs/reference.md from the TypeBox definitions (the one source of
 * truth): every key of the scheme format and of the case-file format, with its
 * type, whether it is required, its constraints, and its description in
 * Chinese and English (`doc(zh, en)` writes "中文 — English"). With --check,
 * fails when the shipped file is stale, like schema:check.
 */
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema } from '../engine/index.ts';
import { SchemeCaseSchema } from '../engine/cases/case-schema.ts';
import { writeOrCheck } from './generated-file.ts';

type Node = Record<string, unknown>;
const target = fileURLToPath(new URL('../docs/reference.md', import.meta.url));

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

function render(sections: Section[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    const d = split(s.node.description);
    lines.push(`### ${s.title}`, '');
    if (d.zh || d.en) lines.push([d.zh, d.en].filter(Boolean).join(' — '), '');
    lines.push('| 键 key | 类型 type | 必填 required | 约束 constraints | 说明 | description |', '|---|---|---|---|---|---|');
    const required = new Set((s.node.required as string[] | undefined) ?? []);
    for (const [k, v] of Object.entries(s.node.properties as Record<string, Node>)) {
      const own = split(v.description);
      const target = deref(v);
      const fallback = own.zh || own.en ? own : split(target.description);
      lines.push(`| \`${k}\` | ${cell(typeOf(v))} | ${required.has(k) ? '是 yes' : ''} | ${cell(constraints(target))} | ${cell(fallback.zh)} | ${cell(fallback.en)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function build(): string {
  const schemeSections: Section[] = [];
  collect(scheme, 'scheme', schemeSections, new Set());
  const caseSections: Section[] = [];
  collect(JSON.parse(JSON.stringify(SchemeCaseSchema)) as Node, 'case', caseSections, new Set());
  const missing = [...schemeSections, ...caseSections].flatMap((s) =>
    Object.entries(s.node.properties as Record<string, Node>)
      .filter(([, v]) => !split(v.description).zh && !split(deref(v).description).zh)
      .map(([k]) => `${s.title}.${k}`),
  );
  return [
    '# 方案格式参考 Scheme format reference',
    '',
    '<!-- 由 scripts/build-reference.ts 从 engine/scheme/ 与 engine/cases/case-schema.ts 的 TypeBox 定义生成,请勿手改;`npm run reference:build` 重新生成。 -->',
    '<!-- Generated from the TypeBox definitions by scripts/build-reference.ts; do not edit: run `npm run reference:build`. -->',
    '',
    '每个键的类型、是否必填、约束和说明(中文与英文)。数字一律为有限数,绝对值不超过 1e9;嵌套不超过 64 层,列表不超过 100,000 项。',
    'Every key with its type, whether it is required, its constraints and its description. Every number is finite and within ±1e9; nesting is at most 64 levels and lists at most 100,000 items.',
    '',
    `尚无说明的键 keys without a description yet: ${missing.length}`,
    '',
    '## 方案 Scheme (`schemes/<id>/scheme.json`)',
    '',
    render(schemeSections),
    '## 测试案例 Case files (`schemes/<id>/cases/*.json`)',
    '',
    render(caseSections),
  ].join('\n');
}

writeOrCheck(target, build(), 'npm run reference:build');
