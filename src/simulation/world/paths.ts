/**
 * The world model's paths for one country (internal). Each path-year draws one historical change
 * year, shared by every source (and, in a rank simulation, every country) of the path; each source
 * present moves by a change of that year drawn from all countries' changes of that source, through a
 * Gaussian copula whose rho is fitted (so a country's sources move together as often as they did);
 * a stepped source (EIU, GI, SGI, WB CPIA) moves between the levels of its latest edition; a source
 * with a short list of values (BTI, AfDB, PRS, FH) is snapped to them; sources leave and enter at
 * their pooled rates (never below 3 sources). The CPI of a path-year is TI's: the mean of the
 * sources present, rounded half up, with the unknown rounding of an integer edition's sources drawn
 * so that the base year's mean rounds to TI's published score.
 */
import type { Stream } from '../random.js';
import { NS, roundHalfUp } from './arrays.js';
import { levelIndex, type SourceTable, type WorldFit } from './fit.js';
import { normalCdf } from './normal.js';

/** Where a country's paths start. */
export interface CountryStart {
  /** Each source's base-year value, panel order (NaN: absent). */
  readonly values: Float64Array;
  /** For a source absent in the base year that the country had before: its last deviation from the other sources (NaN: never had it). */
  readonly lastDev: Float64Array;
  readonly region: string;
  /** TI's published score of the base year. */
  readonly published: number;
  /** The base year's edition stores integer source scores. */
  readonly intOrigin: boolean;
}

/** A run's output for one chunk of P paths: `scores[h * P + p]`; `sources[s][h * P + p]` when asked. */
export interface ChunkOut {
  readonly scores: Uint8Array;
  readonly sources: (Float32Array | null)[] | null;
}

const clip = (v: number): number => (v < 0 ? 0 : v > 100 ? 100 : v);

/** Snap x to the nearest lattice value when within half a step of the lattice's range. */
function snap(values: Float64Array, halfStep: number, x: number): number {
  const n = values.length;
  if (x < (values[0] as number) - halfStep || x > (values[n - 1] as number) + halfStep) return x;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  return x - (values[lo] as number) <= (values[hi] as number) - x ? (values[lo] as number) : (values[hi] as number);
}

/** A normal of SD sd truncated to [lo, hi) (rejection, then uniform when the interval is far out). */
function truncNormal(rng: Stream, sd: number, lo: number, hi: number): number {
  for (let i = 0; i < 64; i += 1) {
    const z = sd * rng.normal();
    if (z >= lo && z < hi) return z;
  }
  return lo + rng.uniform() * (hi - lo);
}

/** The mean gap between a coarse source's levels. */
const levelGap = (t: SourceTable): number => ((t.lattice[t.lattice.length - 1] as number) - (t.lattice[0] as number)) / Math.max(1, t.lattice.length - 1);

/** One path's state (reused across paths). */
class PathState {
  readonly x = new Float64Array(NS);
  readonly lev = new Int32Array(NS);
  readonly pres = new Uint8Array(NS);
  readonly latent = new Uint8Array(NS);
  readonly ids: number[] = [];
  readonly lev0 = new Int32Array(NS);
  /** Entry candidates: source, probability, last deviation. */
  readonly cand: [number, number, number][] = [];

  constructor(
    readonly fit: WorldFit,
    readonly start: CountryStart,
  ) {
    for (let s = 0; s < NS; s += 1) {
      const tab = fit.tables[s];
      if (tab === null || tab === undefined) continue;
      const v = start.values[s] as number;
      if (!Number.isNaN(v)) {
        this.ids.push(s);
        if (tab.kind === 'coarse') this.lev0[s] = levelIndex(tab.lattice, v);
      } else {
        const dev = start.lastDev[s] as number;
        const p = Number.isNaN(dev) ? (tab.pNew.get(start.region) ?? 0) : tab.pReentry;
        if (p > 0) this.cand.push([s, p, dev]);
      }
    }
  }

  reset(): void {
    this.pres.fill(0);
    this.latent.fill(0);
    for (const s of this.ids) {
      this.x[s] = this.start.values[s] as number;
      this.lev[s] = this.lev0[s] as number;
      this.pres[s] = 1;
      this.latent[s] = 1;
    }
  }
}

/** Move every latent source one year (historical year yb, copula factor zc). */
function moveSources(st: PathState, rng: Stream, yb: number): void {
  const { fit, x, lev, latent } = st;
  const rho = fit.rho;
  const zc = rho > 0 ? Math.sqrt(rho) * rng.normal() : 0;
  const wz = Math.sqrt(1 - rho);
  for (let s = 0; s < NS; s += 1) {
    if (latent[s] === 0) continue;
    const tab = fit.tables[s] as SourceTable;
    let from = tab.offsets[yb] as number;
    let len = (tab.offsets[yb + 1] as number) - from;
    let pool = tab.changes;
    if (len === 0) {
      pool = tab.all;
      from = 0;
      len = pool.length;
    }
    const i = rho > 0 ? Math.min(len - 1, Math.floor(normalCdf(zc + wz * rng.normal()) * len)) : rng.index(len);
    const d = pool[from + i] as number;
    if (tab.kind === 'coarse') {
      const l = Math.min(tab.lattice.length - 1, Math.max(0, (lev[s] as number) + Math.round(d)));
      lev[s] = l;
      x[s] = clip(tab.lattice[l] as number);
    } else {
      const v = clip((x[s] as number) + d);
      x[s] = tab.kind === 'fine' ? snap(tab.lattice, tab.halfStep, v) : v;
    }
  }
}

/** Sources leave (never below 3) and come back at their pooled rates; new ones enter beside the present. */
function enterAndLeave(st: PathState, rng: Stream): void {
  const { fit, x, lev, pres, latent } = st;
  let np = 0;
  for (let s = 0; s < NS; s += 1) np += pres[s] as number;
  for (let s = 0; s < NS; s += 1) {
    if (latent[s] === 0) continue;
    const tab = fit.tables[s] as SourceTable;
    const u = rng.uniform();
    if (pres[s] === 1 && u < tab.pExit && np > 3) {
      pres[s] = 0;
      np -= 1;
    } else if (pres[s] === 0 && u < tab.pReentry) {
      pres[s] = 1;
      np += 1;
    }
  }
  for (const [s, p, dev] of st.cand) {
    if (latent[s] === 1 || rng.uniform() >= p) continue;
    const tab = fit.tables[s] as SourceTable;
    let sum = 0;
    let k = 0;
    for (let j = 0; j < NS; j += 1) {
      if (pres[j] === 1) {
        sum += x[j] as number;
        k += 1;
      }
    }
    let v = clip(sum / k + (Number.isNaN(dev) ? (tab.devs[rng.index(tab.devs.length)] as number) : dev));
    if (tab.kind === 'coarse') {
      lev[s] = levelIndex(tab.lattice, v);
      v = tab.lattice[lev[s]] as number;
    } else if (tab.kind === 'fine') v = snap(tab.lattice, tab.halfStep, v);
    x[s] = v;
    pres[s] = 1;
    latent[s] = 1;
  }
}

/**
 * The value a source shows in a path-year: its simulated value plus the planned uplift, clipped to
 * 0..100 (the one clipping rule); a stepped source moves by the whole levels nearest the uplift.
 */
function shown(st: PathState, s: number, uplift: number): number {
  if (uplift === 0) return st.x[s] as number;
  const tab = st.fit.tables[s] as SourceTable;
  if (tab.kind !== 'coarse') return clip((st.x[s] as number) + uplift);
  const l = Math.min(tab.lattice.length - 1, Math.max(0, (st.lev[s] as number) + Math.round(uplift / levelGap(tab))));
  return clip(tab.lattice[l] as number);
}

/**
 * Run P paths of H years for one country into `out`: `years[p * H + h]` is the historical change
 * year (index) of path p in simulated year h + 1 (shared with the other countries of a rank
 * simulation); `uplifts[h * NS + s]` the planned uplift of source s in simulated year h + 1
 * (cumulative, over the no-change path; null: none).
 */
export function runCountry(fit: WorldFit, start: CountryStart, rng: Stream, shape: { readonly P: number; readonly H: number }, years: Int32Array, uplifts: Float64Array | null, out: ChunkOut): void {
  const { P, H } = shape;
  const st = new PathState(fit, start);
  const n0 = st.ids.length;
  let m0 = 0;
  for (const s of st.ids) m0 += start.values[s] as number;
  m0 /= n0;
  for (let p = 0; p < P; p += 1) {
    st.reset();
    // The unknown rounding of an integer edition's sources, drawn so the base mean rounds to TI's score.
    const r = start.intOrigin ? truncNormal(rng, Math.sqrt(1 / (12 * n0)), start.published - 0.5 - m0, start.published + 0.5 - m0) : 0;
    for (let h = 0; h < H; h += 1) {
      moveSources(st, rng, years[p * H + h] as number);
      enterAndLeave(st, rng);
      let total = 0;
      let k = 0;
      for (let s = 0; s < NS; s += 1) {
        if (st.pres[s] !== 1) continue;
        const v = shown(st, s, uplifts === null ? 0 : (uplifts[h * NS + s] as number));
        total += v;
        k += 1;
        const col = out.sources?.[s];
        if (col !== null && col !== undefined) col[h * P + p] = v;
      }
      out.scores[h * P + p] = Math.min(100, Math.max(0, roundHalfUp(total / k + (r * n0) / k)));
    }
  }
}
