import * as z from 'zod/mini';

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
  /**
   * The problems found, in the order found: the first {@link ERROR_LIMITS}`.keptIssues` (1,000) of
   * them; `issueCount` says how many there were.
   */
  readonly issues: readonly CpiGapIssue[];
  /** How many problems were found (`issues` keeps the first 1,000; the message lists the first 20). */
  readonly issueCount: number;
  /** The sentence the message ends with, if any: that checking stopped early, and where. */
  readonly note: string | undefined;

  /**
   * `options.issueCount`: how many problems were found when `issues` holds only the first of them
   * (a list that stops keeping them at 1,000); default `issues.length`. `options.note`: a sentence
   * the message ends with (that checking stopped early, and where).
   */
  constructor(fn: string, issues: readonly CpiGapIssue[], options?: { cause?: unknown; issueCount?: number; note?: string }) {
    const issueCount = Math.max(options?.issueCount ?? 0, issues.length);
    const note = options?.note === undefined ? '' : `; ${options.note}`;
    super(`${errorMessage(fn, issues, issueCount)}${escapeControls(note, true)}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.fn = fn;
    this.issueCount = issueCount;
    this.note = options?.note;
    this.issues = Object.freeze(issues.slice(0, ERROR_LIMITS.keptIssues).map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })));
  }
}

/**
 * How much of an input an error repeats: a {@link CpiGapError}'s message lists at most
 * `listedIssues` issues and then "and N more"; its `issues` keep the first `keptIssues`; a value is
 * shown in at most `valueChars` characters, a path key and an issue's message in at most
 * `keyChars` and `messageChars`. So a file with 100,000 bad rows gives a message of a few
 * kilobytes, not megabytes.
 *
 * @example
 * ERROR_LIMITS.listedIssues; // => 20
 * const e = new CpiGapError('check', Array.from({ length: 25 }, (_, i) => ({ path: [i], message: 'bad', code: 'invalid_value' })));
 * e.message.endsWith('[19]: bad; and 5 more'); // => true
 * e.issueCount; // => 25
 */
export const ERROR_LIMITS = Object.freeze({ listedIssues: 20, keptIssues: 1000, valueChars: 60, keyChars: 60, messageChars: 300 });

/** `fn: issue; issue; ... and N more`, every part bounded and free of control characters. */
function errorMessage(fn: string, issues: readonly CpiGapIssue[], issueCount: number): string {
  const listed = issues.slice(0, ERROR_LIMITS.listedIssues).map(formatIssue);
  const more = issueCount - listed.length;
  return escapeControls(`${shorten(fn, ERROR_LIMITS.keyChars)}: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`, true);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * `text` with its control characters (C0 but tab, line feed and carriage return; DEL; C1) written as
 * `\\u001b`-style escapes, so that text from a file (a TI header, a country name, a progress note)
 * cannot move the cursor, recolour or retitle a terminal. With `oneLine`, tab, line feed and carriage
 * return are escaped too (a carriage return could overwrite the line). Printable text, Thai included,
 * is returned as it is.
 *
 * @example
 * printable('Red\u001b[31mland'); // => 'Red\\u001b[31mland'
 * printable('a\nb', true); // => 'a\\u000ab'
 * printable('ประเทศไทย'); // => 'ประเทศไทย'
 */
export function printable(text: string, oneLine = false): string {
  if (typeof text !== 'string') fail('printable', ['text'], 'expected a string', text);
  if (typeof oneLine !== 'boolean') fail('printable', ['oneLine'], 'expected a boolean', oneLine);
  return escapeControls(text, oneLine);
}

function escapeControls(text: string, oneLine: boolean): string {
  // \p{Cc}: the control characters, C0, DEL and C1.
  const pattern = oneLine ? /\p{Cc}/gu : /[^\P{Cc}\t\n\r]/gu;
  return text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Render a value for an error message: short (at most 60 characters), never throwing (a revoked
 * Proxy or a throwing getter is 'an object'), never `[object Object]`.
 *
 * @example
 * describeValue('x'.repeat(100)); // => '"xxx...xxx..."' (57 characters and ...)
 * describeValue([1, 2, 3]); // => 'an array of 3'
 * describeValue(-0); // => '-0'
 */
export function describeValue(value: unknown): string {
  try {
    return describe(value);
  } catch {
    // A revoked Proxy throws even on Array.isArray; a throwing getter or toJSON on JSON.stringify.
    return typeof value === 'function' ? 'a function' : 'an object';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(shorten(value, ERROR_LIMITS.valueChars));
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  // JSON.stringify of an object with a BigInt or a cycle throws: describeValue's catch says 'an object'.
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? 'an object' : shorten(text, ERROR_LIMITS.valueChars);
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  const keys = path.length > 12 ? [...path.slice(0, 6), '...', ...path.slice(-5)] : path;
  return keys.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? shorten(key, ERROR_LIMITS.keyChars) : `${acc}.${shorten(key, ERROR_LIMITS.keyChars)}`), '');
}

function formatIssue(issue: CpiGapIssue): string {
  const got = 'value' in issue ? ` (got ${describeValue(issue.value)})` : '';
  return `${formatPath(issue.path)}: ${shorten(issue.message, ERROR_LIMITS.messageChars)}${got}`;
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
  try {
    return walk(root, path);
  } catch {
    // A Proxy or a getter that throws: the issue is kept without the value.
    return { found: false };
  }
}

function walk(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
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
 * import { z } from 'zod/mini';
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
 * The context every check of an input runs with: zod's English messages, which zod/mini does not load
 * by itself (and whatever locale the caller configured their own zod with, cpi-gap's messages stay the same).
 */
const ZOD_CONTEXT: z.core.ParseContext<z.core.$ZodIssue> = { error: englishMessage };

/** A value as zod's English shows an expected one: strings quoted. */
function primitive(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** The type zod's English says it received (zod's util.parsedType). */
function parsedType(data: unknown): string {
  if (typeof data === 'number') return Number.isNaN(data) ? 'nan' : 'number';
  if (typeof data !== 'object') return typeof data;
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  const ctor = Object.getPrototypeOf(data) !== Object.prototype && 'constructor' in data ? (data.constructor as { name?: unknown } | undefined) : undefined;
  return ctor ? String(ctor.name) : 'object';
}

/**
 * zod's English message for an issue, word for word as zod/v4/locales/en.js gives it for every
 * issue a cpi-gap schema can raise (numbers, strings, arrays, enums, literals, objects, records,
 * unions, regex and ISO-date formats; cpi-gap has no bigint, set, map, multiple-of or exact-length
 * check). The full locale also names 30 string formats cpi-gap does not use and costs 1 kB in a
 * browser bundle. tests/errors/zod-english.test.ts holds it to zod's locale.
 */
function englishMessage(issue: z.core.$ZodRawIssue): string {
  const typeName = (t: string, input?: unknown): string => (t === 'number' && typeof input === 'number' && !Number.isFinite(input) ? String(input) : t === 'nan' ? 'NaN' : t);
  const size = (big: boolean, origin: string | undefined, adj: string, bound: number | bigint): string => {
    const unit = origin === 'string' ? 'characters' : origin === 'array' ? 'items' : undefined;
    return `Too ${big ? 'big' : 'small'}: expected ${big ? (origin ?? 'value') : String(origin)} to ${unit === undefined ? 'be' : 'have'} ${adj}${bound.toString()}${unit === undefined ? '' : ` ${unit}`}`;
  };
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(parsedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Invalid input: expected ${primitive(issue.values[0])}` : `Invalid option: expected one of ${issue.values.map(primitive).join('|')}`;
    case 'too_big':
      return size(true, issue.origin, issue.inclusive === true ? '<=' : '<', issue.maximum);
    case 'too_small':
      return size(false, issue.origin, issue.inclusive === true ? '>=' : '>', issue.minimum);
    case 'invalid_format':
      return issue.format === 'regex' ? `Invalid string: must match pattern ${String(issue.pattern)}` : `Invalid ${issue.format === 'date' ? 'ISO date' : issue.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(primitive).join(', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union':
      return Array.isArray(issue.options) && issue.options.length > 0
        ? `Invalid discriminator value. Expected ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`
        : issue.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    default:
      return 'Invalid input';
  }
}

/**
 * zod's `safeParse` of `input` against `schema` (zod/mini's or classic zod's), its issues in zod's
 * English whatever locale zod is configured with (internal: the checks that turn issues into a
 * {@link CpiGapError} themselves use it, {@link parseInput} for the rest).
 */
export function safeParseEn<S extends z.core.$ZodType>(schema: S, input: unknown): z.core.util.SafeParseResult<z.output<S>> {
  return z.safeParse(schema, input, ZOD_CONTEXT);
}

/**
 * Validate `input` against `schema` at a public boundary. Returns the parsed value or throws a
 * {@link CpiGapError} naming `fn`, each field path and each bad value. `prefix` is prepended to
 * the paths (for example `['options']`).
 * @example
 * import { z } from 'zod/mini';
 * parseInput('myFn', z.object({ year: z.int() }), { year: 2025 }); // => { year: 2025 }
 * try {
 *   parseInput('myFn', z.object({ year: z.int() }), { year: 'x' }, ['options']);
 * } catch (e) {
 *   console.log((e as CpiGapError).message); // myFn: options.year: Invalid input: expected int, received string (got "x")
 * }
 */
export function parseInput<S extends z.core.$ZodType>(fn: string, schema: S, input: unknown, prefix: readonly (string | number)[] = []): z.output<S> {
  let result: z.core.util.SafeParseResult<z.output<S>>;
  try {
    result = safeParseEn(schema, input);
  } catch (error) {
    // A getter or a Proxy trap of the input threw while it was read.
    throw new CpiGapError(fn, [{ path: [...prefix], message: `the value could not be read: ${error instanceof Error ? error.message : describeValue(error)}`, code: 'unreadable_input' }], { cause: error });
  }
  if (result.success) return result.data;
  throw new CpiGapError(fn, fromZodIssues(result.error.issues, input, prefix), { cause: result.error });
}

/** The error Node raises for a package it cannot find, naming `pkg` (ESM: ERR_MODULE_NOT_FOUND; CJS: MODULE_NOT_FOUND). */
function isMissing(error: unknown, pkg: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && error.message.includes(`'${pkg}`);
}

/**
 * Load an optional peer dependency (internal). A package that is not installed becomes a
 * {@link CpiGapError} naming `fn`, the package and the command that installs what the feature needs;
 * any other failure is rethrown as it is.
 *
 * @example
 * try {
 *   await optionalImport('toSvg', 'no-such-package', 'npm install no-such-package', () => import('no-such-package'));
 * } catch (e) {
 *   (e as CpiGapError).issues[0]?.code; // => 'missing_dependency'
 * }
 */
export async function optionalImport<T>(fn: string, pkg: string, install: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissing(error, pkg)) throw error;
    throw new CpiGapError(fn, [{ path: [], message: `needs the optional package ${pkg}, which is not installed; install it with: ${install}`, value: pkg, code: 'missing_dependency' }], { cause: error });
  }
}
