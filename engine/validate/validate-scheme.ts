import { hasErrors, schemeIssue, type Issue } from '../issue.ts';
import { unreadFactTypes } from '../scheme/unread-fact-types.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { checkFlow } from './check-flow.ts';
import { measure } from './limits.ts';
import { checkTree } from './check-tree.ts';
import { checkFormulaLeaves } from './check-formula.ts';
import { SemanticContext } from './semantic-context.ts';
import { checkStructure } from './structure.ts';
import { formatOutdated, formatTooNew } from './check-format-version.ts';

export interface SchemeValidation {
  ok: boolean;
  issues: Issue[];
  /** The scheme, typed, when its structure is valid (semantic problems may remain: see ok). */
  scheme: Scheme | undefined;
}

/**
 * Two layers: ajv for structure, then semantic checks (sums, references,
 * ranges, quotas, conditions). Semantic checks run only on a structurally
 * valid document, so they can trust its shape.
 */
export function validateScheme(doc: unknown): SchemeValidation {
  // limits first: ajv and the condition checks recurse, and must never meet a document deeper than declared
  const { issues: limits, numbers, nodes } = measure(doc);
  if (limits.length > 0) return { ok: false, issues: limits, scheme: undefined };
  const tooNew = formatTooNew(doc);
  if (tooNew.length > 0) return { ok: false, issues: tooNew, scheme: undefined };
  const checked = checkStructure(doc, nodes);
  // a non-finite number the format's bounds already reported is not reported twice
  const structural = [...checked, ...numbers.filter((n) => !checked.some((i) => i.path === n.path))];
  if (structural.length > 0) return { ok: false, issues: [...formatOutdated(doc), ...structural], scheme: undefined };
  const scheme = doc as Scheme;
  const ctx = new SemanticContext(scheme);
  checkTree(ctx);
  checkFormulaLeaves(ctx);
  checkFlow(ctx);
  // a declared type nothing reads: its facts would be dropped, so the scheme is told before any data arrives
  // (once the references resolve: a misspelled reference is the problem to fix, not the type it missed)
  for (const { index, id } of hasErrors(ctx.issues) ? [] : unreadFactTypes(scheme)) {
    const name = scheme.factTypes[index]?.name ?? id;
    ctx.issues.push(
      schemeIssue('fact-type-unread', `/factTypes/${index}/id`, `事实类型“${name}”没有被任何规则读取,这类记录都不会计分`, `fact type ${id} is read by no rule: its facts can never count`, 'warning'),
    );
  }
  return { ok: !hasErrors(ctx.issues), issues: ctx.issues, scheme };
}
