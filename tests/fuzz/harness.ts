/**
 * The fuzz harness: every function exported by an entry is called with hostile arguments (edits of
 * known-valid ones, wholesale replacements, other valid datasets) and must either return a result
 * free of NaN and ±Infinity or throw a CpiGapError; it must not mutate its arguments (frozen or not)
 * and must leave the built-in prototypes alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertDataset, CpiGapError } from '../../src/index.js';
import { dataset as anyDataset } from '../arbitraries/dataset.js';
import { applyEdit, deepCopy, edit, fingerprint, freezeDeep, hostile, nonFinite, prototypeKeys, protoBomb } from './hostile.js';

/** Known-valid arguments for one exported function, and how to fuzz them. */
export interface FuzzSpec {
  /** Valid arguments (called once as they are: they must succeed). */
  readonly args: () => unknown[] | Promise<unknown[]>;
  /** Other valid values for an argument position (a dataset position gets random datasets anyway). */
  readonly alt?: Readonly<Record<number, fc.Arbitrary<unknown>>>;
  /** Positions left as given, with the reason (arguments only cpi-gap's own code supplies). */
  readonly trusted?: Readonly<Record<number, string>>;
  /** The function always throws a CpiGapError (`fail`): its valid call must throw one too. */
  readonly alwaysThrows?: true;
  /** Why this result may hold NaN or Infinity (it echoes bad input back), if it may. */
  readonly echoesInput?: string;
  /** Runs (default 150). */
  readonly runs?: number;
}

/** Exports that are not called, with the reason. */
export type Skips = Readonly<Record<string, string>>;

function isDataset(value: unknown): boolean {
  try {
    assertDataset('fuzz', value);
    return true;
  } catch {
    return false;
  }
}

/** Hostile argument lists built from the valid ones. */
function argLists(valid: readonly unknown[], spec: FuzzSpec): fc.Arbitrary<unknown[]> {
  const n = Math.max(valid.length, 1);
  const trusted = new Set(Object.keys(spec.trusted ?? {}).map(Number));
  const open = Array.from({ length: n }, (_, i) => i).filter((i) => !trusted.has(i));
  const datasets = valid.flatMap((v, i) => (isDataset(v) ? [i] : []));
  const start: fc.Arbitrary<unknown[]> = fc
    .tuple(
      ...Array.from({ length: n }, (_, i) => {
        const options: fc.Arbitrary<unknown>[] = [fc.constant(valid[i])];
        const alt = spec.alt?.[i];
        if (alt) options.push(alt);
        if (datasets.includes(i)) options.push(anyDataset);
        return fc.oneof(...options);
      }),
    )
    .map((args) => args);
  const edited = fc.tuple(start, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([args, edits]) => {
    const out = [...args];
    for (const e of edits) {
      const at = open[e.at % open.length];
      if (at === undefined) break;
      out[at] = applyEdit(out[at], { ...e, at: Math.floor(e.at / open.length) }, isDataset);
    }
    return out;
  });
  const replaced = fc.tuple(start, fc.nat(), hostile).map(([args, i, value]) => {
    const out = [...args];
    const at = open[i % open.length];
    if (at !== undefined) out[at] = value;
    return out;
  });
  const shapes = fc.oneof(
    fc.constant([]),
    fc.constant([protoBomb()]),
    fc.array(hostile, { maxLength: n + 1 }),
    fc.constant([...valid, protoBomb()]),
  ).map((args) => {
    const out = [...args];
    for (const i of trusted) out[i] = valid[i];
    return out;
  });
  return fc.oneof(
    { weight: 2, arbitrary: start },
    { weight: 6, arbitrary: edited },
    { weight: 3, arbitrary: replaced },
    { weight: 1, arbitrary: shapes },
  );
}

/** Strings anywhere in a value (for "did NaN come from the input?"). */
function hasNonFiniteText(value: unknown): boolean {
  return /NaN|Infinity/.test(fingerprint(value));
}

/** Call `fn` once and check every invariant; returns a description of the first failure or null. */
async function check(name: string, fn: (...a: unknown[]) => unknown, given: unknown[], freeze: boolean, spec: FuzzSpec): Promise<string | null> {
  const protoBefore = prototypeKeys();
  // Frozen runs freeze a copy, so the valid arguments reused by later runs stay writable.
  const args = freeze ? deepCopy(given) : given;
  if (freeze) freezeDeep(args);
  // Trusted arguments (a zod schema caches its internals) are not the user's and are not compared.
  const user = (list: unknown[]): unknown[] => list.map((a, i) => (spec.trusted?.[i] === undefined ? a : null));
  const before = fingerprint(user(args));
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (error) {
    if (!(error instanceof CpiGapError)) {
      return `${name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n${error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 6).join('\n') : ''}`;
    }
    if (!error.message.startsWith(`${error.fn}: `)) return `${name}: CpiGapError message does not start with the function: ${error.message}`;
  }
  if (fingerprint(user(args)) !== before) return `${name} mutated its arguments`;
  if (prototypeKeys() !== protoBefore) return `${name} changed a built-in prototype`;
  if (({} as Record<string, unknown>)['polluted'] !== undefined) return `${name} polluted Object.prototype`;
  const bad = spec.echoesInput === undefined ? nonFinite(result) : [];
  if (bad.length > 0) return `${name} returned non-finite numbers: ${bad.join('; ')}`;
  if (typeof result === 'string' && /\bNaN\b|\bInfinity\b/.test(result) && !hasNonFiniteText(args)) {
    return `${name} returned text with NaN or Infinity: ${JSON.stringify(/.{0,40}\b(?:NaN|Infinity)\b.{0,40}/.exec(result)?.[0])}`;
  }
  return null;
}

/** Every function export of `mod` must be in `specs` or `skips`; each gets its own fuzz test. */
export function fuzzEntry(entry: string, mod: Record<string, unknown>, specs: Readonly<Record<string, FuzzSpec>>, skips: Skips = {}): void {
  const functions = Object.entries(mod).filter((kv): kv is [string, (...a: unknown[]) => unknown] => typeof kv[1] === 'function');

  describe(`fuzz ${entry}`, () => {
    it('has a fuzz spec (or a stated reason to skip) for every exported function', () => {
      const missing = functions.map(([name]) => name).filter((name) => !(name in specs) && !(name in skips));
      expect(missing, `add valid arguments for these exports to the fuzz table of ${entry}`).toEqual([]);
      const stale = [...Object.keys(specs), ...Object.keys(skips)].filter((name) => typeof mod[name] !== 'function');
      expect(stale, 'fuzz table entries that are no longer exported functions').toEqual([]);
    });

    for (const [name, fn] of functions) {
      const spec = specs[name];
      if (!spec) continue;
      it(`${name}: only CpiGapError, finite results, inputs untouched, prototypes intact`, async () => {
        const valid = await spec.args();
        const first = await check(name, fn, valid, false, spec);
        expect(first, `${name} with its valid arguments`).toBeNull();
        let result: unknown;
        try {
          result = await fn(...valid);
        } catch (error) {
          result = error;
        }
        if (spec.alwaysThrows) expect(result).toBeInstanceOf(CpiGapError);
        else expect(result, `${name} must accept its valid arguments`).not.toBeInstanceOf(Error);
        await fc.assert(
          fc.asyncProperty(argLists(valid, spec), fc.boolean(), async (args, freeze) => {
            const failure = await check(name, fn, args, freeze, spec);
            if (failure !== null) throw new Error(failure);
          }),
          { numRuns: spec.runs ?? 150, ...fuzzSeed() },
        );
      });
    }
  });
}

/**
 * The seed of every property: fixed by default, so `npm test` (and CI) is reproducible; FUZZ_SEED=<n>
 * replays the run a failure printed, FUZZ_SEED=random draws a new one each run (to explore).
 */
function fuzzSeed(): { seed?: number } {
  const chosen = process.env['FUZZ_SEED'];
  if (chosen === 'random') return {};
  if (chosen === undefined || chosen === '') return { seed: 20_261_127 };
  const seed = Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random" (got ${JSON.stringify(chosen)})`);
  return { seed };
}
