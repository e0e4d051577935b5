import type { MathJsInstance, MathNode } from 'mathjs';
import * as z from 'zod/mini';
import { CpiGapError, describeValue, fail, optionalImport, parseInput } from '../errors.js';

/**
 * The functions an expression may call, each a plain numeric function of mathjs. Nothing that
 * parses, imports, defines, builds matrices or units, or reaches JavaScript objects is in the list.
 *
 * @example
 * import { EXPRESSION_FUNCTIONS } from 'cpi-gap/expr';
 * EXPRESSION_FUNCTIONS.includes('sqrt'); // => true
 * EXPRESSION_FUNCTIONS.includes('evaluate'); // => false
 */
export const EXPRESSION_FUNCTIONS = Object.freeze(['abs', 'min', 'max', 'sqrt', 'cbrt', 'exp', 'log', 'log10', 'log2', 'round', 'floor', 'ceil', 'fix', 'sign', 'pow', 'mod'] as const);

/** The constants an expression may name. */
const CONSTANTS = Object.freeze(['pi', 'e'] as const);

/**
 * The variables a scenario file's expressions may use (see docs/cli.md): `baseline` (the source's
 * base-year score, or for a workstream lever the mean of its sources'), `t` (years after the base
 * year), `year`, `baseYear`, `cpi` (the base year's CPI score) and `target`.
 *
 * @example
 * import { EXPRESSION_VARIABLES } from 'cpi-gap/expr';
 * EXPRESSION_VARIABLES; // => ['baseline', 't', 'year', 'baseYear', 'cpi', 'target']
 */
export const EXPRESSION_VARIABLES = Object.freeze(['baseline', 't', 'year', 'baseYear', 'cpi', 'target'] as const);

/**
 * Bounds on what an expression may cost: its length in characters, the number of nodes of its
 * syntax tree and the depth of that tree. Evaluation is then bounded too: no loops, no recursion,
 * no matrices, and every function in {@link EXPRESSION_FUNCTIONS} runs in constant time on numbers.
 *
 * @example
 * import { EXPRESSION_LIMITS } from 'cpi-gap/expr';
 * EXPRESSION_LIMITS.maxLength; // => 500
 */
export const EXPRESSION_LIMITS = Object.freeze({ maxLength: 500, maxNodes: 100, maxDepth: 50 });

/** Operators allowed, by mathjs's function name: arithmetic, comparisons and logic for `a ? b : c`. */
const OPERATORS = new Set([
  'add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow', 'mod',
  'smaller', 'larger', 'smallerEq', 'largerEq', 'equal', 'unequal', 'and', 'or', 'not',
]);

/** mathjs's functions that the security guidance says to disable (and a few more of the same kind). */
const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyCore', 'derivative', 'compile', 'resolve', 'reviver', 'rationalize', 'parser', 'chain', 'help', 'leafCount', 'symbolicEqual'] as const;

const FN = 'compileExpression';

interface Sandbox {
  readonly parse: (text: string) => MathNode;
  /** The instance, with the dangerous functions disabled (internal: for tests). */
  readonly math: MathJsInstance;
}

let sandbox: Promise<Sandbox> | undefined;

/**
 * The mathjs instance, created once on first use: `create(all)`, then every function in
 * {@link DISABLED} replaced by one that throws, as mathjs's security guidance shows. The parser is
 * kept aside before that, for this module's own use.
 */
export function loadSandbox(): Promise<Sandbox> {
  sandbox ??= optionalImport(FN, 'mathjs', 'npm install mathjs', () => import('mathjs')).then(({ create, all }) => {
    // mathjs's types read `all` from a record (possibly undefined); it is always the factory map.
    const math: MathJsInstance = create({ ...all });
    const parse = math.parse.bind(math);
    const disabled = Object.fromEntries(
      DISABLED.map((name) => [
        name,
        () => {
          throw new Error(`function ${name} is disabled`);
        },
      ]),
    );
    math.import(disabled, { override: true });
    return { parse: (text: string) => parse(text), math };
  });
  return sandbox;
}

/** Say what a node is, for a message. */
function describeNode(node: MathNode): string {
  switch (node.type) {
    case 'AssignmentNode':
      return 'an assignment';
    case 'FunctionAssignmentNode':
      return 'a function definition';
    case 'AccessorNode':
    case 'IndexNode':
      return 'property or index access';
    case 'ObjectNode':
      return 'an object';
    case 'ArrayNode':
      return 'a matrix or array';
    case 'RangeNode':
      return 'a range';
    case 'BlockNode':
      return 'more than one statement';
    default:
      return `a ${node.type}`;
  }
}

/**
 * Check the syntax tree: only numbers, the allowed variables and constants, the allowed operators
 * and functions, parentheses and `a ? b : c`. Returns the variables used.
 */
function checkTree(root: MathNode, variables: ReadonlySet<string>, source: string): string[] {
  const used = new Set<string>();
  let count = 0;
  const reject = (message: string): never => fail(FN, ['expression'], message, source, 'unsafe_expression');
  const visit = (node: MathNode, depth: number): void => {
    count += 1;
    if (count > EXPRESSION_LIMITS.maxNodes) reject(`too complex: more than ${EXPRESSION_LIMITS.maxNodes} terms`);
    if (depth > EXPRESSION_LIMITS.maxDepth) reject(`too deeply nested: more than ${EXPRESSION_LIMITS.maxDepth} levels`);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n['value'] !== 'number') reject(`only numbers are allowed, not ${typeof n['value'] === 'string' ? 'text' : String(n['value'])}`);
        return;
      case 'SymbolNode': {
        const name = String(n['name']);
        if (variables.has(name)) used.add(name);
        else if (!(CONSTANTS as readonly string[]).includes(name)) reject(`unknown name "${name}" (allowed: ${[...variables, ...CONSTANTS].join(', ')})`);
        return;
      }
      case 'ParenthesisNode':
        visit(n['content'] as MathNode, depth + 1);
        return;
      case 'OperatorNode': {
        const fn = String(n['fn']);
        if (!OPERATORS.has(fn)) reject(`operator "${String(n['op'])}" is not allowed`);
        for (const arg of n['args'] as MathNode[]) visit(arg, depth + 1);
        return;
      }
      case 'ConditionalNode':
        for (const key of ['condition', 'trueExpr', 'falseExpr']) visit(n[key] as MathNode, depth + 1);
        return;
      case 'FunctionNode': {
        const callee = n['fn'] as MathNode & { name?: unknown };
        if (callee.type !== 'SymbolNode') reject(`only calls of named functions are allowed, not a call of ${describeNode(callee)}`);
        const name = String(callee.name);
        if (!(EXPRESSION_FUNCTIONS as readonly string[]).includes(name)) reject(`function "${name}" is not allowed (allowed: ${EXPRESSION_FUNCTIONS.join(', ')})`);
        for (const arg of n['args'] as MathNode[]) visit(arg, depth + 1);
        return;
      }
      default:
        reject(`${describeNode(node)} is not allowed: only arithmetic on numbers and the variables`);
    }
  };
  visit(root, 0);
  return [...used];
}

/**
 * A checked expression, ready to evaluate with numbers for its variables.
 *
 * @example
 * import { compileExpression, type CompiledExpression } from 'cpi-gap/expr';
 * const e: CompiledExpression = await compileExpression('min(100, baseline + gain * t)', { variables: ['baseline', 'gain', 't'] });
 * e.source; // => 'min(100, baseline + gain * t)'
 * e.evaluate({ baseline: 98, gain: 2, t: 3 }); // => 100
 */
export interface CompiledExpression {
  /** The expression as written. */
  readonly source: string;
  /** The variables it uses, in order of first use. */
  readonly variables: readonly string[];
  /**
   * Evaluate with a number for each variable used.
   *
   * @throws {CpiGapError} when a variable is missing or not a finite number, or the result is not a finite number.
   */
  readonly evaluate: (scope: Readonly<Record<string, number>>) => number;
}

const VariableName = z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name of letters, digits and _'), z.refine((s) => !(EXPRESSION_FUNCTIONS as readonly string[]).includes(s) && !(CONSTANTS as readonly string[]).includes(s), 'expected a name that is not a function or constant'));

const CompileOptions = z.optional(z.strictObject({
  /** The variables the expression may use. Default {@link EXPRESSION_VARIABLES}. */
  variables: z.optional(z.array(VariableName).check(z.maxLength(50))),
}));

/**
 * Options of {@link compileExpression}.
 *
 * @example
 * import { compileExpression, type CompileOptions } from 'cpi-gap/expr';
 * const o: CompileOptions = { variables: ['x'] };
 * (await compileExpression('2 * x + 1', o)).evaluate({ x: 3 }); // => 7
 * await compileExpression('2 * y', o).catch((e: unknown) => console.log((e as Error).message)); // y is not one of the variables
 */
export type CompileOptions = z.input<typeof CompileOptions>;

/**
 * Parse and check an arithmetic expression such as `baseline + 1.5 * t` in a mathjs sandbox.
 * mathjs is loaded on the first call. Allowed: numbers, the variables named in `options.variables`
 * (default {@link EXPRESSION_VARIABLES}), `pi` and `e`, `+ - * / ^ mod`, comparisons, `and or not`,
 * `a ? b : c`, parentheses and the functions in {@link EXPRESSION_FUNCTIONS}. Rejected: text,
 * units, matrices, property or index access, assignments, function definitions, several
 * statements, any other function (so `import`, `createUnit`, `evaluate`, `parse`, `simplify`,
 * `derivative`), and expressions over {@link EXPRESSION_LIMITS}.
 *
 * @throws {CpiGapError} (code `unsafe_expression` or `invalid_expression`) naming the problem.
 * @example
 * import { compileExpression } from 'cpi-gap/expr';
 * const e = await compileExpression('baseline + 1.5 * t');
 * e.variables; // => ['baseline', 't']
 * e.evaluate({ baseline: 33, t: 2 }); // => 36
 */
export async function compileExpression(source: string, options?: CompileOptions): Promise<CompiledExpression> {
  const text = parseInput(FN, z.string().check(z.minLength(1, 'expected an expression'), z.maxLength(EXPRESSION_LIMITS.maxLength, `expected at most ${EXPRESSION_LIMITS.maxLength} characters`)), source, ['expression']);
  const opts = parseInput(FN, CompileOptions, options, ['options']) ?? {};
  const variables = new Set<string>(opts.variables ?? EXPRESSION_VARIABLES);
  const { parse } = await loadSandbox();
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (error) {
    // mathjs's parser throws only Error objects (SyntaxError).
    return fail(FN, ['expression'], `not a valid expression: ${(error as Error).message}`, text, 'invalid_expression');
  }
  const used = checkTree(tree, variables, text);
  const code = tree.compile();
  const evaluate = (scope: Readonly<Record<string, number>>): number => {
    // A scope that is not an object (null), or whose getters or Proxy traps throw, is the caller's error.
    if (typeof scope !== 'object' || (scope as unknown) === null) fail('evaluate', ['scope'], `expected an object with a number for each of ${used.join(', ') || 'no variables'}`, scope, 'invalid_scope');
    const values = new Map<string, number>();
    for (const name of used) {
      let value: unknown;
      try {
        value = Object.prototype.hasOwnProperty.call(scope, name) ? scope[name] : undefined;
      } catch (error) {
        throw new CpiGapError('evaluate', [{ path: ['scope', name], message: `the value could not be read: ${error instanceof Error ? error.message : describeValue(error)}`, code: 'unreadable_input' }], { cause: error });
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('evaluate', ['scope', name], `expected a finite number for ${name} in ${text}`, value, 'invalid_scope');
      values.set(name, value);
    }
    let result: unknown;
    try {
      result = code.evaluate(values);
    } catch (error) {
      // mathjs's functions throw only Error objects (TypeError, RangeError, DimensionError).
      throw new CpiGapError('evaluate', [{ path: ['expression'], message: `cannot evaluate: ${(error as Error).message}`, value: text, code: 'invalid_expression' }], { cause: error });
    }
    if (typeof result !== 'number' || !Number.isFinite(result)) fail('evaluate', ['expression'], `expected a finite number as the result, got ${typeof result === 'number' ? String(result) : typeof result}`, text, 'not_finite');
    return Object.is(result, -0) ? 0 : result;
  };
  return Object.freeze({ source: text, variables: Object.freeze(used), evaluate });
}

/**
 * Compile and evaluate an expression in one step (see {@link compileExpression}); the variables
 * allowed are the keys of `scope`.
 *
 * @throws {CpiGapError} for an unsafe or invalid expression, a scope value that is not a finite
 * number, or a result that is not a finite number.
 * @example
 * import { evaluateExpression } from 'cpi-gap/expr';
 * await evaluateExpression('min(baseline + 2 * t, 60)', { baseline: 55, t: 3 }); // => 60
 */
export async function evaluateExpression(source: string, scope: Readonly<Record<string, number>>): Promise<number> {
  const values = parseInput('evaluateExpression', z.record(VariableName, z.number()), scope, ['scope']);
  const compiled = await compileExpression(source, { variables: Object.keys(values) });
  return compiled.evaluate(values);
}
