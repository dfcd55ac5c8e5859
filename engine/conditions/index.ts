/**
 * The rule-condition language: json-rules-engine's condition format, limited
 * to what the compiled evaluator reproduces exactly (see compile-condition.ts
 * and condition-path.ts for the subset and the JRE quirks kept).
 */
export { ConditionSchema, Condition, CONDITION_OPERATORS, NUMERIC_OPERATORS, type ConditionOperator } from './condition-schema.ts';
export { compileCondition, isFactReference, type CompiledCondition } from './compile-condition.ts';
export { checkCondition } from './check-condition.ts';
export { parseConditionPath, resolveConditionPath } from './condition-path.ts';
