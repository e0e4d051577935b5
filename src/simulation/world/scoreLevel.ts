/**
 * The score-level form of the world model (internal), for the other countries of a rank simulation:
 * a country's state is the unrounded mean of its sources (at an integer edition, plus the rounding
 * offset drawn so that it rounds to TI's published score); each simulated year it moves by a change
 * of the path-year's historical year drawn from all countries' year-on-year changes of the mean of
 * sources (both editions at one precision; the sources as TI used them, so entries and exits are in
 * the changes), grouped by the number of sources (3-5, 6-7, 8+). The score is the mean rounded half up.
 */
import type { Stream } from '../random.js';
import { NS, roundHalfUp, sc, val, type WorldArrays } from './arrays.js';

const nGroup = (n: number): number => (n <= 5 ? 0 : n <= 7 ? 1 : 2);

/** Pooled changes of the mean of sources, `changes[offsets[g * years + t - 1] ..]` per group g and change year t. */
export interface ScoreLevelFit {
  readonly years: number;
  readonly changes: Float64Array;
  readonly offsets: Int32Array;
  /** Per group, all its changes (for a year without records). */
  readonly groups: readonly Float64Array[];
}

/** The mean of a country-year's sources (rounded half up first when `rounded`) and how many. */
export function sourceMean(p: WorldArrays, c: number, t: number, rounded: boolean): [number, number] {
  let s = 0;
  let n = 0;
  for (let k = 0; k < NS; k += 1) {
    const x = val(p, c, t, k);
    if (Number.isNaN(x)) continue;
    s += rounded ? roundHalfUp(x) : x;
    n += 1;
  }
  return [n > 0 ? s / n : NaN, n];
}

/** Fit on a panel that holds the years up to the origin only. */
export function fitScoreLevel(p: WorldArrays): ScoreLevelFit {
  const T = p.ny - 1;
  const recs: { cell: number; v: number }[] = [];
  for (let c = 0; c < p.countries.length; c += 1) {
    for (let t = 1; t <= T; t += 1) {
      if (Number.isNaN(sc(p, c, t - 1)) || Number.isNaN(sc(p, c, t))) continue;
      const rounded = p.intEdition[t - 1] === true || p.intEdition[t] === true;
      const [a, n] = sourceMean(p, c, t - 1, rounded);
      const [b] = sourceMean(p, c, t, rounded);
      recs.push({ cell: nGroup(n) * T + (t - 1), v: b - a });
    }
  }
  const cells = 3 * T;
  const offsets = new Int32Array(cells + 1);
  for (const r of recs) offsets[r.cell + 1] = (offsets[r.cell + 1] as number) + 1;
  for (let i = 0; i < cells; i += 1) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const changes = new Float64Array(recs.length);
  const fill = offsets.slice(0, cells);
  for (const r of recs) {
    changes[fill[r.cell] as number] = r.v;
    fill[r.cell] = (fill[r.cell] as number) + 1;
  }
  const groups = [0, 1, 2].map((g) => Float64Array.from(recs.filter((r) => Math.floor(r.cell / T) === g).map((r) => r.v)));
  return { years: T, changes, offsets, groups };
}

/** One country's start: its unrounded mean of sources, their number, TI's score, and whether the edition stores integers. */
export interface ScoreStart {
  readonly mean: number;
  readonly n: number;
  readonly published: number;
  readonly intOrigin: boolean;
}

/**
 * Run P paths of H years into `scores[h * P + p]`, with the shared historical years `years[p * H + h]`;
 * every change is multiplied by `spread` (1: the model; 0: the country keeps its base score).
 */
export function runScoreLevel(fit: ScoreLevelFit, start: ScoreStart, rng: Stream, shape: { readonly P: number; readonly H: number }, years: Int32Array, spread: number, scores: Uint8Array): void {
  const { P, H } = shape;
  const g = nGroup(start.n);
  const pool = (fit.groups[g] as Float64Array).length > 0 ? (fit.groups[g] as Float64Array) : fit.changes;
  const sd = Math.sqrt(1 / (12 * start.n));
  const lo = start.published - 0.5 - start.mean;
  for (let p = 0; p < P; p += 1) {
    let m = start.mean;
    if (start.intOrigin) {
      let r = NaN;
      for (let i = 0; i < 64 && Number.isNaN(r); i += 1) {
        const z = sd * rng.normal();
        if (z >= lo && z < lo + 1) r = z;
      }
      m += Number.isNaN(r) ? lo + rng.uniform() : r;
    }
    if (spread === 0) m = start.published;
    for (let h = 0; h < H; h += 1) {
      const cell = g * fit.years + (years[p * H + h] as number);
      const from = fit.offsets[cell] as number;
      const len = (fit.offsets[cell + 1] as number) - from;
      const d = len > 0 ? (fit.changes[from + rng.index(len)] as number) : (pool[rng.index(pool.length)] as number);
      m += spread * d;
      m = m < 0 ? 0 : m > 100 ? 100 : m;
      scores[h * P + p] = roundHalfUp(m);
    }
  }
}
