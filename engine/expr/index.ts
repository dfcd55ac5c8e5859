export { parseExpression, type ParseError } from './parse.ts';
export { checkExpression, type Binding, type CheckEnv, type ExprProblem } from './check.ts';
export { compileExpression, type Compiled, type EvalEnv, type ExprStep, type Value } from './compile.ts';
export { bindingsOf, fieldType } from './bindings.ts';
export { MAX_DEPTH, KEYWORDS, FUNCTIONS, type Expr, type ValueType } from './ast.ts';
export { prepareFormula, type PreparedFormula } from './prepare.ts';
export { localValue, isLocal, type InputValue, type InputContext } from './inputs.ts';
