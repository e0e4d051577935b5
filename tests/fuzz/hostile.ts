/**
 * Hostile input for the fuzz suite: values a notebook or a careless caller might pass (wrong types,
 * NaN, ±Infinity, -0, huge and empty arrays, strings for numbers, own `__proto__` and `constructor`
 * keys), edits of valid arguments, and the checks run after each call.
 */
import fc from 'fast-check';

/** An object whose own keys are `__proto__`, `constructor` and `prototype` (JSON.parse makes them own keys). */
export function protoBomb(): Record<string, unknown> {
  return JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}') as Record<string, unknown>;
}

const HUGE = 100_000;

/** Values frozen all the way down by {@link freezeDeep}: their fingerprint cannot change and is cached. */
const DEEP_FROZEN = new WeakSet<object>();
const FINGERPRINTS = new WeakMap<object, { text: string; objects: object[] }>();

/**
 * A long array printed as its length in fast-check's reports (a counterexample must stay
 * printable); deep-frozen unless told otherwise, so that its fingerprint is computed once.
 */
export function labelled<T extends unknown[]>(array: T, freeze = true): T {
  Object.defineProperty(array, fc.toStringMethod, { value: () => `<array of ${array.length}>` });
  if (freeze) freezeDeep(array);
  return array;
}

/** Fixed hostile values: every one of them has broken a library somewhere. */
function specials(): unknown[] {
  return [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    undefined,
    '',
    ' ',
    '0',
    '42',
    '36.5',
    '1e3',
    'NaN',
    'Infinity',
    '-0',
    '๓๖',
    'x'.repeat(10_000),
    true,
    false,
    [],
    {},
    [[]],
    [Number.NaN],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    ['1', '2', '3'],
    new Array(5),
    labelled(Array.from({ length: HUGE }, (_, i) => i % 101)),
    labelled(new Array<number>(HUGE).fill(Number.NaN)),
    Object.create(null) as object,
    new Date(Number.NaN),
    new Date(0),
    1n,
    Symbol('hostile'),
    () => 1,
    new Map([['a', 1]]),
    new Set([1]),
    /x/,
    new Uint8Array([1, 2, 3]),
    protoBomb(),
    { toString: 'not a function', valueOf: 7 },
  ];
}

/** One hostile value: a fixed special, a random primitive or a random structure. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...specials()) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null)), { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.string(), fc.constant(null)), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true }) },
);

/** Keys an attacker or a sloppy merge may add to an object. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'unknownKey'];

type Path = readonly (string | number)[];

/** Paths to every node of `value` (objects and arrays; at most the first 4 items of an array). */
function nodePaths(value: unknown, path: Path = [], depth = 0, out: Path[] = []): Path[] {
  out.push(path);
  if (depth >= 7 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return out;
  if (value instanceof Map || value instanceof Set || value instanceof Date) return out;
  if (Array.isArray(value)) {
    for (let i = 0; i < Math.min(value.length, 4); i++) nodePaths(value[i], [...path, i], depth + 1, out);
  } else {
    for (const key of Object.keys(value)) nodePaths((value as Record<string, unknown>)[key], [...path, key], depth + 1, out);
  }
  return out;
}

/** A writable copy of one container, own keys (including an own `__proto__`) and prototype kept. */
function copyNode(node: object): Record<string | number, unknown> {
  if (Array.isArray(node)) return node.slice() as unknown as Record<number, unknown>;
  const copy = Object.create(Object.getPrototypeOf(node) as object | null) as Record<string, unknown>;
  for (const key of Reflect.ownKeys(node)) {
    Object.defineProperty(copy, key, { value: (node as Record<PropertyKey, unknown>)[key], writable: true, enumerable: true, configurable: true });
  }
  return copy;
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** One edit of a valid value. */
export type Edit =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'stringify'; readonly at: number }
  | { readonly op: 'empty'; readonly at: number }
  | { readonly op: 'huge'; readonly at: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostile }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string()), value: hostile }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('stringify' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('huge' as const), at: fc.nat() }) },
);

/**
 * Apply `e` to a copy of `root`: only the containers on the way to the edited node are copied, so
 * untouched parts (a dataset, the frozen plan) keep their identity. `keep(node)` says whether the
 * walk may go inside a node (datasets are replaced whole, never edited inside).
 */
export function applyEdit(root: unknown, e: Edit, keep: (node: unknown) => boolean): unknown {
  const paths = nodePaths(root).filter((p) => p.every((_, i) => !keep(valueAtPath(root, p.slice(0, i)))));
  const path = paths[e.at % paths.length] ?? [];
  const old = valueAtPath(root, path);
  const replacement = (): { value: unknown } | 'delete' => {
    switch (e.op) {
      case 'replace':
        return { value: e.value };
      case 'delete':
        return 'delete';
      case 'add-key': {
        if (old === null || typeof old !== 'object' || Array.isArray(old) || keep(old)) return { value: e.value };
        const proto = Object.getPrototypeOf(old) as unknown;
        if (proto !== Object.prototype && proto !== null) return { value: e.value };
        const copy = copyNode(old);
        setOwn(copy, e.key, e.value);
        return { value: copy };
      }
      case 'stringify':
        return { value: typeof old === 'number' || typeof old === 'boolean' ? String(old) : typeof old === 'string' ? Number(old) : '1' };
      case 'empty':
        return { value: Array.isArray(old) ? [] : typeof old === 'string' ? '' : {} };
      case 'huge':
        return { value: Array.isArray(old) ? labelled(Array.from({ length: 2_000 }, (_, i): unknown => (old as unknown[])[i % Math.max(1, old.length)]), false) : 'x'.repeat(20_000) };
    }
  };
  const r = replacement();
  if (path.length === 0) return r === 'delete' ? undefined : r.value;
  const rebuild = (node: unknown, depth: number): unknown => {
    const copy = copyNode(node as object);
    const key = path[depth]!;
    if (depth === path.length - 1) {
      if (r === 'delete') {
        if (Array.isArray(copy)) (copy as unknown[]).splice(Number(key), 1);
        else Reflect.deleteProperty(copy, key);
      } else setOwn(copy, key, r.value);
    } else setOwn(copy, key, rebuild(copy[key], depth + 1));
    return copy;
  };
  return rebuild(root, 0);
}

function valueAtPath(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/**
 * A faithful text form of a value, for "was the input mutated?": own keys in order (symbols and an
 * own `__proto__` too), the prototype, -0 and NaN, Map/Set/Date/typed-array contents. Each object is
 * written out in full the first time it is met and as a back-reference (by order of first visit)
 * after that, so sharing and cycles are part of the text and an array of 2,000 references to one
 * large object stays small.
 */
export function fingerprint(value: unknown, walk: Walk = { ids: new Map(), order: [] }): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'symbol') return value.toString();
  if (value === undefined || value === null || typeof value === 'boolean') return String(value);
  const { ids, order } = walk;
  const id = ids.get(value);
  if (id !== undefined) return `${REF}${id}`;
  // A deep-frozen value's text is reused across calls, registering the objects inside it in the
  // same order a fresh walk would; it is used only where a fresh walk would meet none of them again.
  const cached = FINGERPRINTS.get(value);
  if (cached?.objects.every((o) => !ids.has(o))) {
    for (const o of cached.objects) visit(walk, o);
    return cached.text;
  }
  const first = order.length;
  visit(walk, value);
  const text = fingerprintOf(value, walk);
  if (DEEP_FROZEN.has(value) && !text.includes(REF)) FINGERPRINTS.set(value, { text, objects: order.slice(first) });
  return text;
}

const REF = '\u0000ref#';

/** One fingerprint's walk: each object met, numbered by the order of first visit. */
interface Walk {
  readonly ids: Map<object, number>;
  readonly order: object[];
}

function visit(walk: Walk, value: object): void {
  walk.ids.set(value, walk.order.length);
  walk.order.push(value);
}

function fingerprintOf(value: object, walk: Walk): string {
  const proto = Object.getPrototypeOf(value) as object | null;
  const protoTag = proto === Object.prototype ? '' : proto === null ? 'null-proto ' : `${(proto as { constructor?: { name?: string } }).constructor?.name ?? '?'} `;
  if (typeof value === 'function') return `fn ${value.name}`;
  if (ArrayBuffer.isView(value)) return `${protoTag}[${Array.from(value as unknown as ArrayLike<number>).join(',')}]`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer[${Array.from(new Uint8Array(value)).join(',')}]`;
  if (value instanceof Date) return `Date ${value.getTime()}`;
  if (value instanceof Map) return `Map{${[...value].map(([k, v]) => `${fingerprint(k, walk)}=>${fingerprint(v, walk)}`).join(',')}}`;
  if (value instanceof Set) return `Set{${[...value].map((v) => fingerprint(v, walk)).join(',')}}`;
  const parts = Reflect.ownKeys(value).map((key) => {
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    const shown = 'value' in d ? fingerprint(d.value, walk) : 'accessor';
    return `${typeof key === 'symbol' ? key.toString() : JSON.stringify(key)}:${shown}`;
  });
  return `${protoTag}${Array.isArray(value) ? `[${value.length}]` : ''}{${parts.join(',')}}`;
}

/** Deep-freeze a value in place (typed arrays with elements cannot be frozen and are skipped). */
export function freezeDeep(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return true;
  if (seen.has(value)) return DEEP_FROZEN.has(value);
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Map || value instanceof Set || value instanceof Date) return false;
  let all = true;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) all = freezeDeep(d.value, seen) && all;
  }
  Object.freeze(value);
  if (all) DEEP_FROZEN.add(value);
  return all;
}

/** Paths in `value` holding NaN or ±Infinity (numbers, and Float arrays), at most `limit` of them. */
export function nonFinite(value: unknown, limit = 5): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (found.length >= limit) return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) found.push(`${path || '(result)'} = ${v}`);
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Float64Array || v instanceof Float32Array) {
      const i = v.findIndex((x) => !Number.isFinite(x));
      if (i >= 0) found.push(`${path}[${i}] = ${v[i]}`);
      return;
    }
    if (ArrayBuffer.isView(v)) return;
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.get(${String(k)})`);
      return;
    }
    if (v instanceof Set) {
      for (const x of v) walk(x, `${path}{}`);
      return;
    }
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], `${path}.${key}`);
  };
  walk(value, '');
  return found;
}

/** Own keys of the built-in prototypes a pollution would touch. */
export function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join(' | ');
}

/** A deep copy that keeps prototypes and own `__proto__` keys; frozen nodes (a dataset, the plan) are shared. */
export function deepCopy<T>(value: T, seen = new Map<object, unknown>()): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice() as T;
  if (value instanceof Date || value instanceof Map || value instanceof Set || value instanceof RegExp) return value;
  const copy = copyNode(value);
  seen.set(value, copy);
  for (const key of Reflect.ownKeys(copy)) {
    if (Array.isArray(copy) && key === 'length') continue;
    setOwn(copy, key as string, deepCopy(copy[key as string], seen));
  }
  return copy as T;
}
