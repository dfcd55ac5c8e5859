/** Semantic diff of two scheme versions, its impact on a data set, and its rendering. */
export type { Change, ChangeBody, ChangeKind, CategoryList, FlowList, IndicatorProperty, MetadataField, MethodItemList, Place, Ref, RuleAspect, RuleList, Section, Text } from './change.ts';
export { SECTIONS, SECTION_TITLES, sectionOf } from './change.ts';
export { diffSchemes } from './diff-schemes.ts';
export { describeChange } from './describe-change.ts';
export { impactOf, type Before, type ClassChange, type Impact, type UnitImpact } from './impact.ts';
export { renderDiffMarkdown, renderDiffText, type DiffReport, type SchemeLabel } from './render-diff.ts';
export { renderImpactMarkdown, renderImpactText, shownDelta, type RenderOptions } from './render-impact.ts';
