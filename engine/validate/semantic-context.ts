import { schemeIssue, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';

/** Shared state of the semantic checks: what the scheme declares, and where problems go. */
export class SemanticContext {
  readonly issues: Issue[] = [];
  readonly factTypes: Map<string, FactType>;
  readonly indicatorIds = new Map<string, string>();
  /** Indicators scored only for a selection (theirs or an ancestor's): they exist only after that selection. */
  readonly underSelection = new Set<string>();
  readonly classificationIds: Set<string>;

  constructor(readonly scheme: Scheme) {
    this.factTypes = new Map(scheme.factTypes.map((f) => [f.id, f]));
    this.classificationIds = new Set((scheme.classifications ?? []).map((c) => c.id));
  }

  error(code: string, path: string, zh: string, en: string): void {
    this.issues.push(schemeIssue(code, path, zh, en));
  }

  warn(code: string, path: string, zh: string, en: string): void {
    this.issues.push(schemeIssue(code, path, zh, en, 'warning'));
  }

  /** Report every id that occurs twice in a list, at the second occurrence. */
  unique(list: ReadonlyArray<{ id: string }>, pointer: string, what: string): void {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) this.error('duplicate-id', `${pointer}/${i}/id`, `${what}标识“${x.id}”重复`, `duplicate ${what} id "${x.id}"`);
      seen.add(x.id);
    });
  }

  factType(id: string, path: string): FactType | undefined {
    const ft = this.factTypes.get(id);
    if (!ft) this.error('unknown-fact-type', path, `事实类型“${id}”未定义(见 factTypes)`, `fact type "${id}" is not declared in factTypes`);
    return ft;
  }

  /** A field a method reads must be declared by the fact type. */
  field(ft: FactType | undefined, field: string | undefined, path: string): void {
    if (!ft || field === undefined) return;
    // own properties only: `constructor` or `toString` must not pass as inherited fields
    if (!Object.hasOwn(ft.fields.properties, field)) {
      this.error('unknown-field', path, `事实类型“${ft.id}”没有字段“${field}”`, `fact type "${ft.id}" declares no field "${field}"`);
    }
  }

  /** Fact names a condition on facts of this type may use. */
  conditionFacts(ft: FactType | undefined): Set<string> {
    return new Set(['type', 'id', 'unit', 'parent', '$unit', '$parent', ...Object.keys(ft?.fields.properties ?? {})]);
  }
}

export const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
