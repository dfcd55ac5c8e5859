/**
 * The public surface of the pingyi engine. Pure: no file system, network,
 * database or UI. The CLI and the server do the I/O around it.
 */
export type { Issue, IssueSeverity } from './issue.ts';
export { dataIssue, formatIssue, hasErrors, joinPointer, schemeIssue } from './issue.ts';

export { Scheme, SCHEME_SCHEMA_ID } from './scheme/scheme.ts';
export type { Assumption } from './scheme/scheme.ts';
export type { Indicator } from './scheme/indicator.ts';
export type { FactType } from './scheme/fact-type.ts';
export type { Method, MethodKind, MethodOf } from './scheme/methods/index.ts';
export type { FormulaMethod, FormulaInput } from './scheme/methods/formula.ts';
export { parseExpression, checkExpression, compileExpression, prepareFormula, type Expr, type ExprStep } from './expr/index.ts';
export { PeriodDeclaration, PeriodMeasure, periodOrdinal, periodText, type PeriodUnit } from './periods/index.ts';
export type { AdjustmentRule, Modifier, RulePoints } from './scheme/adjustment-rule.ts';
export type { Classification, ClassKind, Consequence, HistoryCondition, Ranking, ScoreBand, Selection, TieBreak, TiePolicy, Veto, VetoEffect } from './scheme/flow.ts';
export type { Operand, ValidityRule } from './scheme/validity.ts';
export type { ScoringPool, SelectionReason } from './scheme/scoring-pool.ts';

export { validateScheme, type SchemeValidation } from './validate/validate-scheme.ts';
export { schemeJsonSchema } from './validate/structure.ts';
export { parsePointer } from './validate/pointer.ts';
export { FORMAT_VERSION } from './scheme/format-version.ts';
export { migrateScheme, type Migration, type MigrationChange } from './migrate/migrate.ts';

export type { Dataset, Fact, HistoryRecord, Roster, RosterParent, RosterUnit } from './data/dataset.ts';
export { checkDataset } from './data/check-dataset.ts';
export { foldPlan, type FoldPlan, type FoldType } from './data/fold-plan.ts';

export { scoreRun, scoreScheme, type ScoredRun } from './run/score-scheme.ts';
export { COMPACT_FORMAT, COMPACT_FORMAT_VERSION, CompactDefs, expandResult, SHARED_STEP_KEYS, type Expanded } from './run/compact-result.ts';
export { CompactResult, RESULT_SCHEMA_ID, resultJsonSchema } from './run/compact-result-schema.ts';
export { openSeason, type AppendResult, type Season, type Standing, type StandingChange } from './run/season.ts';
export type { ClassResult, ClassTie, ConsequenceResult, RankingResult, RunResult, SelectionResult, UnitResult } from './run/result.ts';
export type { FactRef, IndicatorTrace, Step } from './trace.ts';
export { describeStep, explainIndicator, explainUnit, type ExplainOptions } from './explain.ts';

export { METHODS } from './methods/registry.ts';
export type { MethodContext, ScoringMethod, UnitScore } from './methods/method.ts';

export { clean, roundTo } from './numbers.ts';
export { compileCondition, checkCondition } from './conditions/index.ts';
export type { Condition, CompiledCondition } from './conditions/index.ts';

export type { CaseExpectation, SchemeCase, UnitExpectation } from './cases/case.ts';
export { checkCase, type CaseFailure } from './cases/check-case.ts';
export { caseJsonSchema, checkCaseFile } from './cases/check-case-file.ts';

export { diffSchemes, describeChange, impactOf, renderDiffMarkdown, renderDiffText, renderImpactMarkdown, renderImpactText, sectionOf, shownDelta } from './diff/index.ts';
export type { Change, ChangeKind, ClassChange, DiffReport, Impact, RuleAspect, UnitImpact } from './diff/index.ts';

export { nextYear, type NextYearDraft, type NextYearOptions } from './authoring/next-year.ts';
export { nameYearIssues } from './authoring/name-year.ts';
export { shiftDate } from './authoring/shift-date.ts';
export { yearsNamed } from './authoring/years-named.ts';
export { CompletenessTally, dataCompleteness, type Completeness, type DefaultedPoints, type FactTypeCoverage } from './data/completeness.ts';
export { DEFAULT_DISPLAY_DIGITS, displayDigits, displayNumber, formatPoints } from './format/display-precision.ts';
export { rosterOrderTies, TIE_MARK } from './format/roster-order-ties.ts';
