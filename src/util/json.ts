/**
 * JSON as cpi-gap reads it from files: a leading byte order mark dropped (as for YAML and CSV), and
 * an object with the same key twice refused (as YAML's reader refuses it), where `JSON.parse` would
 * silently keep the last.
 */
import { CpiGapError, fail } from '../errors.js';

const QUOTE = 34;
const BACKSLASH = 92;

/** One open object or array while scanning: the keys seen (objects) or the index reached (arrays). */
interface Frame {
  readonly keys: Set<string> | null;
  key: string | number;
  expectKey: boolean;
}

/** The end (index after the closing quote) of the string token starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    i += c === BACKSLASH ? 2 : 1;
  }
}

/**
 * The path and key of the first key an object of `text` (valid JSON) repeats, or null. Linear: each
 * character is looked at once, each key decoded once.
 */
function repeatedKey(text: string): { path: (string | number)[]; key: string } | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top?.expectKey === true && top.keys !== null) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) return { path: stack.slice(0, -1).map((f) => f.key), key };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end - 1;
    } else if (c === '{' || c === '[') stack.push({ keys: c === '{' ? new Set() : null, key: 0, expectKey: c === '{' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top !== undefined) {
      if (top.keys === null) top.key = (top.key as number) + 1;
      else top.expectKey = true;
    }
  }
  return null;
}

/**
 * Parse JSON text read from a file: a byte order mark dropped, a key repeated in an object refused.
 * Errors name `fn` (the file or the function) and, for a repeated key, its path in the document.
 */
export function parseJsonText(fn: string, text: string, path: readonly (string | number)[] = ['text']): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source) as unknown;
  } catch (error) {
    // JSON.parse throws only SyntaxError.
    throw new CpiGapError(fn, [{ path: [...path], message: `not valid JSON: ${(error as SyntaxError).message}`, code: 'invalid_json' }], { cause: error });
  }
  const repeated = repeatedKey(source);
  if (repeated !== null) fail(fn, [...path, ...repeated.path], `the key ${JSON.stringify(repeated.key)} appears twice in one object`, repeated.key, 'duplicate_key');
  return data;
}
