/**
 * What the impact pane may honestly show for one comparison, as a tagged
 * variant: rows only when both versions scored the data; otherwise which side
 * could not and why (its errors), never rows of `— → x`. Plain TypeScript,
 * tested without a browser.
 */
import { impactOf, type Dataset, type Impact, type Issue, type Scheme } from '../../../../engine/index.ts';

export type ImpactState =
  | { kind: 'base-cannot'; issues: Issue[] }
  | { kind: 'draft-cannot'; issues: Issue[] }
  | { kind: 'none'; impact: Impact }
  | { kind: 'moved'; impact: Impact; moved: Impact['units'] };

/** Whose 认定期间 both sides use: their own, or one side's for both (so only the rules are compared). */
export type SharedWindow = 'own' | 'draft' | 'base';

const errorsOf = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

export function withWindow(base: Scheme, draft: Scheme, shared: SharedWindow): { base: Scheme; draft: Scheme } {
  switch (shared) {
    case 'own':
      return { base, draft };
    case 'draft':
      return { base: draft.window ? { ...base, window: draft.window } : base, draft };
    case 'base':
      return { base, draft: base.window ? { ...draft, window: base.window } : draft };
    default: {
      const never: never = shared;
      return never;
    }
  }
}

export function impactState(base: Scheme, draft: Scheme, data: Dataset, shared: SharedWindow = 'own'): ImpactState {
  const sides = withWindow(base, draft, shared);
  const impact = impactOf(sides.base, sides.draft, data);
  if (!impact.ok.before) return { kind: 'base-cannot', issues: errorsOf(impact.issues.before) };
  if (!impact.ok.after) return { kind: 'draft-cannot', issues: errorsOf(impact.issues.after) };
  const moved = impact.units.filter((u) => u.moved);
  return moved.length === 0 ? { kind: 'none', impact } : { kind: 'moved', impact, moved };
}
