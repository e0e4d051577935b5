import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { loadSandbox } from './sandbox.js';
import { compileExpression, evaluateExpression, EXPRESSION_FUNCTIONS, EXPRESSION_LIMITS, EXPRESSION_VARIABLES } from './index.js';

async function rejection(promise: Promise<unknown>): Promise<CpiGapError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CpiGapError);
    return error as CpiGapError;
  }
  throw new Error('expected a rejection');
}

const scope = { baseline: 33, t: 2, year: 2027, baseYear: 2025, cpi: 33, target: 51 };

describe('compileExpression', () => {
  it.each([
    ['baseline + 1.5 * t', 33 + 1.5 * 2],
    ['(target - baseline) / 4', (51 - 33) / 4],
    ['min(baseline + 2 * t, 35)', 35],
    ['max(abs(-3), sqrt(16), 2^2)', 4],
    ['round(baseline / 7)', Math.round(33 / 7)],
    ['floor(2.7) + ceil(2.1) + fix(-2.5) + sign(-4)', 2 + 3 - 2 - 1],
    ['pow(2, 3) + 7 mod 4 + mod(9, 5)', 8 + 3 + 4],
    ['exp(0) + log(1) + log10(100) + log2(8) + cbrt(27)', 1 + 0 + 2 + 3 + 3],
    ['t > 1 ? baseline : 0', 33],
    ['t >= 3 or year == 2027 ? 1 : 2', 1],
    ['not (t < 1) and cpi != target ? 5 : 6', 5],
    ['-baseline + +t', -31],
    ['2 t', 4],
    ['pi * 0 + e * 0 + year - baseYear', 2],
    ['0 * -1', 0],
  ])('evaluates %s', async (text, expected) => {
    const e = await compileExpression(text);
    const value = e.evaluate(scope);
    expect(value).toBeCloseTo(expected, 12);
    expect(Object.is(value, -0)).toBe(false);
  });

  it('lists the variables used, in order of first use', async () => {
    expect((await compileExpression('t * baseline + t')).variables).toEqual(['t', 'baseline']);
  });

  // The attacks of mathjs's security guidance, and the kinds of node it warns about.
  it.each([
    ['import({}, {override: true})', /function "import" is not allowed/],
    ["createUnit('foo')", /function "createUnit" is not allowed/],
    ['evaluate("1")', /function "evaluate" is not allowed/],
    ['parse("1")', /function "parse" is not allowed/],
    ['simplify("x")', /function "simplify" is not allowed/],
    ['derivative("x^2", "x")', /function "derivative" is not allowed/],
    ['compile("1")', /function "compile" is not allowed/],
    ['resolve(1)', /function "resolve" is not allowed/],
    ['ones(1e6, 1e6)', /function "ones" is not allowed/],
    ['zeros(3)', /function "zeros" is not allowed/],
    ['f(x) = x', /a function definition is not allowed/],
    ['a = 1', /an assignment is not allowed/],
    ['[1,2,3]', /a matrix or array is not allowed/],
    ['{a: 1}', /an object is not allowed/],
    ['"abc".length', /property or index access is not allowed/],
    ['baseline[1]', /property or index access is not allowed/],
    ['1:3', /a range is not allowed/],
    ['1; 2', /more than one statement is not allowed/],
    ['"abc"', /only numbers are allowed, not text/],
    ['true', /only numbers are allowed, not true/],
    ['5 cm', /unknown name "cm"/],
    ['process', /unknown name "process"/],
    ['baseline!', /operator "!" is not allowed/],
    ['baseline to cm', /not a valid expression|operator "to" is not allowed|unknown name "cm"/],
    ['cos.constructor("return process")()', /not a valid expression|not allowed/],
    ['1 < t < 3', /a RelationalNode is not allowed/],
    ['(x => x)(1)', /not a valid expression|not allowed/],
    ['t.round(2)', /only calls of named functions are allowed, not a call of /],
  ])('rejects %s', async (text, message) => {
    const e = await rejection(compileExpression(text));
    expect(e.fn).toBe('compileExpression');
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('rejects expressions over the limits: length, terms, nesting', async () => {
    expect((await rejection(compileExpression('1+'.repeat(5_000) + '1'))).message).toMatch(`at most ${EXPRESSION_LIMITS.maxLength} characters`);
    expect((await rejection(compileExpression(`max(${Array.from({ length: 120 }, () => 't').join(',')})`))).message).toMatch(`more than ${EXPRESSION_LIMITS.maxNodes} terms`);
    expect((await rejection(compileExpression(`${'('.repeat(60)}1${')'.repeat(60)}`))).message).toMatch(`more than ${EXPRESSION_LIMITS.maxDepth} levels`);
  });

  it('rejects syntax errors, empty text, non-strings and bad options', async () => {
    expect((await rejection(compileExpression('1 +'))).issues[0]?.code).toBe('invalid_expression');
    expect((await rejection(compileExpression(''))).issues[0]?.path).toEqual(['expression']);
    expect((await rejection(compileExpression(42 as unknown as string))).issues[0]?.path).toEqual(['expression']);
    expect((await rejection(compileExpression('x', { variables: ['sqrt'] }))).issues[0]?.path).toEqual(['options', 'variables', 0]);
    expect((await rejection(compileExpression('x', { variables: ['a-b'] }))).issues[0]?.path).toEqual(['options', 'variables', 0]);
    expect((await rejection(compileExpression('x', { nope: 1 } as never))).issues[0]?.path).toEqual(['options']);
  });

  it('uses only the variables it is given', async () => {
    expect((await compileExpression('x + 1', { variables: ['x'] })).evaluate({ x: 1 })).toBe(2);
    expect((await rejection(compileExpression('baseline', { variables: ['x'] }))).message).toMatch(/unknown name "baseline" \(allowed: x, pi, e\)/);
  });

  it('evaluates to finite numbers only, with every variable a finite number', async () => {
    const big = await compileExpression('10 ^ (baseline * 20)');
    expect(() => big.evaluate(scope)).toThrow(/expected a finite number as the result, got Infinity/);
    const complex = await compileExpression('sqrt(t - 10)');
    expect(() => complex.evaluate(scope)).toThrow(/got object/);
    const bool = await compileExpression('t > 1');
    expect(() => bool.evaluate(scope)).toThrow(/got boolean/);
    const zero = await compileExpression('t / (t - 2)');
    expect(() => zero.evaluate(scope)).toThrow(CpiGapError);
    const e = await compileExpression('baseline + t');
    expect(() => e.evaluate({ baseline: 1 })).toThrow(/scope.t: expected a finite number for t/);
    expect(() => e.evaluate({ baseline: 1, t: Number.NaN })).toThrow(CpiGapError);
    expect(() => e.evaluate(JSON.parse('{"__proto__": {"t": 1}, "baseline": 1}') as Record<string, number>)).toThrow(/scope.t/);
    const few = await compileExpression('min()');
    expect(() => few.evaluate(scope)).toThrow(/cannot evaluate: Too few arguments/);
  });

  it('does not change the scope it is given', async () => {
    const given = Object.freeze({ ...scope });
    await evaluateExpression('baseline + t', given);
    expect(given).toEqual(scope);
  });
});

describe('evaluateExpression', () => {
  it('allows exactly the keys of the scope', async () => {
    expect(await evaluateExpression('min(baseline + 2 * t, 60)', { baseline: 55, t: 3 })).toBe(60);
    expect((await rejection(evaluateExpression('baseline + year', { baseline: 1 }))).message).toMatch(/unknown name "year"/);
    expect((await rejection(evaluateExpression('1', { t: Number.POSITIVE_INFINITY }))).issues[0]?.path).toEqual(['scope', 't']);
  });
});

describe('the lists', () => {
  it('name the documented variables and no dangerous function', () => {
    expect(EXPRESSION_VARIABLES).toEqual(['baseline', 't', 'year', 'baseYear', 'cpi', 'target']);
    for (const name of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'compile', 'ones', 'zeros', 'matrix']) expect(EXPRESSION_FUNCTIONS).not.toContain(name);
  });
});

describe('the mathjs instance', () => {
  it('has the functions of the security guidance disabled', async () => {
    const { math } = await loadSandbox();
    expect(() => math.evaluate('1') as unknown).toThrow('function evaluate is disabled');
    expect(() => math.parse('1')).toThrow('function parse is disabled');
    expect(() => {
      math.import({}, {});
    }).toThrow('function import is disabled');
    expect(() => math.createUnit('foo')).toThrow('function createUnit is disabled');
    expect(() => math.simplify('x')).toThrow('function simplify is disabled');
    expect(() => math.derivative('x^2', 'x')).toThrow('function derivative is disabled');
    expect(() => math.compile('1')).toThrow('function compile is disabled');
    expect(() => math.resolve('x', {})).toThrow('function resolve is disabled');
  });
});
