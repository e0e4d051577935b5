/**
 * The `cpi-gap/expr` subpath: arithmetic expressions such as `baseline + 1.5 * t`, evaluated in a
 * mathjs sandbox (a whitelist of node types, operators and functions; mathjs's dangerous functions
 * disabled; bounded size). mathjs loads only when an expression is first compiled.
 *
 * @packageDocumentation
 * @module cpi-gap/expr
 */
export { compileExpression, evaluateExpression, EXPRESSION_FUNCTIONS, EXPRESSION_VARIABLES, EXPRESSION_LIMITS, type CompiledExpression, type CompileOptions } from './sandbox.js';
