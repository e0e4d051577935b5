import type { z } from 'zod';

/**
 * One problem found in an input: where it is, what is wrong, and the value found there.
 *
 * @example
 * try {
 *   sourceGaps(thailand, { year: 2030, target: 120 });
 * } catch (e) {
 *   const issues: readonly CpiGapIssue[] = (e as CpiGapError).issues;
 *   issues.map((i) => i.path.join('.')); // => ['options.target'] (the options are checked before the year)
 * }
 */
export interface CpiGapIssue {
  /** Path to the offending field inside the argument, e.g. `['scores', 3, 'value']`. */
  readonly path: readonly (string | number)[];
  /** What rule the value breaks, in plain words. */
  readonly message: string;
  /** The value found at `path` (absent when the field is missing). */
  readonly value?: unknown;
  /** A short machine-readable code (zod's issue code, or one of cpi-gap's own). */
  readonly code: string;
}

/**
 * The one error class cpi-gap throws. Every message starts with the function that rejected the
 * input, then each issue as `path: rule (got value)`.
 *
 * @example
 * try {
 *   sourceGaps(thailand, { year: 2030 });
 * } catch (e) {
 *   if (e instanceof CpiGapError) console.log(e.fn, e.issues[0]?.path); // => 'sourceGaps' ['year']
 * }
 */
export class CpiGapError extends Error {
  override readonly name = 'CpiGapError';
  /** The public function that rejected its input. */
  readonly fn: string;
  /** Every problem found, in the order found. */
  readonly issues: readonly CpiGapIssue[];

  constructor(fn: string, issues: readonly CpiGapIssue[], options?: { cause?: unknown }) {
    super(`${fn}: ${issues.map(formatIssue).join('; ')}`, options);
    this.fn = fn;
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })));
  }
}

/**
 * Render a value for an error message: short, never throwing, never `[object Object]`.
 *
 * @example
 * describeValue('x'.repeat(100)); // => '"xxx...xxx..."' (57 characters and ...)
 * describeValue([1, 2, 3]); // => 'an array of 3'
 * describeValue(-0); // => '-0'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return 'an object';
  }
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? key : `${acc}.${key}`), '');
}

function formatIssue(issue: CpiGapIssue): string {
  const got = 'value' in issue ? ` (got ${describeValue(issue.value)})` : '';
  return `${formatPath(issue.path)}: ${issue.message}${got}`;
}

/**
 * Throw a {@link CpiGapError} with a single issue.
 *
 * @example
 * function half(x: number): number {
 *   if (!Number.isFinite(x)) fail('half', ['x'], 'expected a finite number', x);
 *   return x / 2;
 * }
 * try {
 *   half(NaN);
 * } catch (e) {
 *   console.log((e as CpiGapError).message); // half: x: expected a finite number (got NaN)
 * }
 */
export function fail(fn: string, path: readonly (string | number)[], message: string, value?: unknown, code = 'invalid_value'): never {
  const issue: CpiGapIssue = arguments.length >= 4 ? { path, message, value, code } : { path, message, code };
  throw new CpiGapError(fn, [issue]);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || (typeof current !== 'object' && typeof current !== 'function')) return { found: false };
    if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

/**
 * Convert zod's issues into cpi-gap's, keeping the offending value when there is one.
 *
 * @example
 * import { z } from 'zod';
 * const r = z.object({ year: z.int() }).safeParse({ year: 20.5 });
 * if (!r.success) fromZodIssues(r.error.issues, { year: 20.5 }, ['options'])[0]?.path; // => ['options', 'year']
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly (string | number)[] = []): CpiGapIssue[] {
  return issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const at = valueAt(input, issue.path);
    const base = { path: [...prefix, ...path], message: issue.message, code: issue.code };
    if (issue.code === 'unrecognized_keys') return { ...base, value: issue.keys };
    return at.found ? { ...base, value: at.value } : base;
  });
}

/**
 * Validate `input` against `schema` at a public boundary. Returns the parsed value or throws a
 * {@link CpiGapError} naming `fn`, each field path and each bad value. `prefix` is prepended to
 * the paths (for example `['options']`).
 * @example
 * import { z } from 'zod';
 * parseInput('myFn', z.object({ year: z.int() }), { year: 2025 }); // => { year: 2025 }
 * try {
 *   parseInput('myFn', z.object({ year: z.int() }), { year: 'x' }, ['options']);
 * } catch (e) {
 *   console.log((e as CpiGapError).message); // myFn: options.year: Invalid input: expected int, received string (got "x")
 * }
 */
export function parseInput<S extends z.ZodType>(fn: string, schema: S, input: unknown, prefix: readonly (string | number)[] = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new CpiGapError(fn, fromZodIssues(result.error.issues, input, prefix), { cause: result.error });
}
