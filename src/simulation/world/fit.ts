/**
 * The world model's fit (internal): per source, the year-on-year changes of every country, pooled,
 * from a panel that holds the years up to the origin only (see arrays.ts `upTo`). Ported from the
 * backtest study of issue 16 (its model "world-source"); docs/forecasting.md gives the form and the
 * backtest that chose it.
 */
import { NS, pairAtCommonPrecision, sc, val, type WorldArrays } from './arrays.js';
import { normalQuantile } from './normal.js';

/** How a source's values sit in the origin's edition. */
export type LatticeKind = 'coarse' | 'fine' | 'none';

/** One source's fitted change distribution (records grouped by change year). */
export interface SourceTable {
  readonly kind: LatticeKind;
  /** The origin edition's values (coarse: the levels; fine: the values a move snaps to). */
  readonly lattice: Float64Array;
  readonly halfStep: number;
  /** Changes (coarse: level steps) grouped by change year t - 1, each cell sorted; `offsets` has T + 1 entries. */
  readonly changes: Float64Array;
  readonly offsets: Int32Array;
  /** All changes, sorted (for a year without records). */
  readonly all: Float64Array;
  /** Pooled deviations of the source from the country's other sources (for an entry). */
  readonly devs: Float64Array;
  pExit: number;
  pReentry: number;
  /** New-entry probability per TI region. */
  readonly pNew: ReadonlyMap<string, number>;
}

/** The fitted world model. */
export interface WorldFit {
  /** Per source in panel order; null for a source the origin edition lacks. */
  readonly tables: readonly (SourceTable | null)[];
  /** Latent correlation of a country's source changes within a year (Gaussian copula). */
  readonly rho: number;
  /** Change years: 1 .. years (indices t - 1 into the tables' cells). */
  readonly years: number;
  /** The origin (the panel's last year). */
  readonly origin: number;
}

const TOL = 1e-3;
/** Entry and exit rates come from the last RATE_WINDOW change years, shrunk with RATE_PRIOR pseudo-counts. */
const RATE_WINDOW = 5;
const RATE_PRIOR = 20;

interface Edition {
  readonly values: number[];
  readonly count: number;
}

/** Distinct values of source s in edition t (sorted), and how many countries it scored. */
function editionValues(p: WorldArrays, s: number, t: number): Edition {
  const xs: number[] = [];
  for (let c = 0; c < p.countries.length; c += 1) {
    const x = val(p, c, t, s);
    if (!Number.isNaN(x)) xs.push(x);
  }
  xs.sort((a, b) => a - b);
  const values: number[] = [];
  for (const x of xs) if (values.length === 0 || x - (values[values.length - 1] as number) > TOL) values.push(x);
  return { values, count: xs.length };
}

/** Coarse: at most 10 values shared by 2+ countries each on average (EIU, GI, SGI, WB CPIA); fine: at most 40. */
function latticeKind(e: Edition): LatticeKind {
  const k = e.values.length;
  if (k === 0) return 'none';
  if (k <= 10 && 2 * k <= e.count) return 'coarse';
  if (k <= 40 && 2 * k <= e.count) return 'fine';
  return 'none';
}

/** The index of the value nearest x. */
export function levelIndex(values: ArrayLike<number>, x: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (Math.abs((values[i] as number) - x) < Math.abs((values[best] as number) - x)) best = i;
  return best;
}

/** Mean of the sources other than s present for country c in year t, and how many. */
export function othersMean(p: WorldArrays, c: number, t: number, s: number): [number, number] {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < NS; k += 1) {
    const x = k === s ? NaN : val(p, c, t, k);
    if (!Number.isNaN(x)) {
      sum += x;
      n += 1;
    }
  }
  return [n > 0 ? sum / n : NaN, n];
}

interface ChangeRecord {
  readonly c: number;
  readonly t: number;
  readonly v: number;
}

/** A source's one-year changes (coarse: level steps between editions with as many levels, so a rescaling is no move). */
function changeRecords(p: WorldArrays, s: number, kind: LatticeKind, editions: readonly Edition[]): ChangeRecord[] {
  const T = p.ny - 1;
  const recs: ChangeRecord[] = [];
  for (let c = 0; c < p.countries.length; c += 1) {
    for (let t = 1; t <= T; t += 1) {
      if (Number.isNaN(val(p, c, t - 1, s)) || Number.isNaN(val(p, c, t, s)) || othersMean(p, c, t - 1, s)[1] < 2) continue;
      if (kind === 'coarse') {
        const e0 = editions[t - 1] as Edition;
        const e1 = editions[t] as Edition;
        if (latticeKind(e0) !== 'coarse' || latticeKind(e1) !== 'coarse' || e0.values.length !== e1.values.length) continue;
        recs.push({ c, t, v: levelIndex(e1.values, val(p, c, t, s)) - levelIndex(e0.values, val(p, c, t - 1, s)) });
      } else {
        const [a, b] = pairAtCommonPrecision(p, c, t - 1, t, s);
        recs.push({ c, t, v: b - a });
      }
    }
  }
  return recs;
}

/** Records grouped by change year, sorted within each year (a copula quantile picks by position). */
function byYear(recs: readonly ChangeRecord[], years: number): { changes: Float64Array; offsets: Int32Array } {
  const offsets = new Int32Array(years + 1);
  for (const r of recs) offsets[r.t] = (offsets[r.t] as number) + 1;
  for (let i = 0; i < years; i += 1) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const changes = new Float64Array(recs.length);
  const fill = offsets.slice(0, years);
  for (const r of recs) {
    changes[fill[r.t - 1] as number] = r.v;
    fill[r.t - 1] = (fill[r.t - 1] as number) + 1;
  }
  for (let i = 0; i < years; i += 1) changes.subarray(offsets[i], offsets[i + 1]).sort();
  return { changes, offsets };
}

/** Pooled deviations x_s - mean of the country's other sources (2+ others), every country-year. */
function deviations(p: WorldArrays, s: number): Float64Array {
  const devs: number[] = [];
  for (let c = 0; c < p.countries.length; c += 1) {
    for (let t = 0; t < p.ny; t += 1) {
      const x = val(p, c, t, s);
      const [m, n] = othersMean(p, c, t, s);
      if (!Number.isNaN(x) && n >= 2) devs.push(x - m);
    }
  }
  return Float64Array.from(devs);
}

/** Counts of exits, countries at risk, re-entries, at risk, and new entries per region (the last RATE_WINDOW years). */
function rateCounts(p: WorldArrays, s: number): { counts: [number, number, number, number]; pNew: Map<string, number> } {
  const T = p.ny - 1;
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const fresh = new Map<string, [number, number]>();
  for (let c = 0; c < p.countries.length; c += 1) {
    let had = false;
    for (let t = 1; t <= T; t += 1) {
      const p0 = !Number.isNaN(val(p, c, t - 1, s));
      const p1 = !Number.isNaN(val(p, c, t, s));
      had = had || p0;
      if (Number.isNaN(sc(p, c, t - 1)) || Number.isNaN(sc(p, c, t)) || t < T - RATE_WINDOW + 1) continue;
      if (p0 || had) {
        const slot = p0 ? 0 : 2;
        counts[slot + 1] = (counts[slot + 1] as number) + 1;
        if (p0 !== p1) counts[slot] = (counts[slot]) + 1;
      } else {
        const cur = fresh.get(p.regions[c] as string) ?? [0, 0];
        fresh.set(p.regions[c] as string, [cur[0] + (p1 ? 1 : 0), cur[1] + 1]);
      }
    }
  }
  let na = 0;
  let nb = 0;
  for (const [a, b] of fresh.values()) {
    na += a;
    nb += b;
  }
  const pooled = nb > 0 ? na / nb : 0;
  const pNew = new Map([...fresh].map(([r, [a, b]]) => [r, (a + RATE_PRIOR * pooled) / (b + RATE_PRIOR)] as const));
  return { counts, pNew };
}

/** Normal scores of a year cell's changes: E[Z | Z in the change's block of ties] for a latent standard normal. */
function normalScores(sorted: Float64Array, v: number): number {
  let less = 0;
  let eq = 0;
  for (const x of sorted) {
    if (x < v - 1e-9) less += 1;
    else if (x <= v + 1e-9) eq += 1;
  }
  const pdf = (z: number): number => (Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0);
  return (pdf(normalQuantile(less / sorted.length)) - pdf(normalQuantile((less + eq) / sorted.length))) / (eq / sorted.length);
}

/**
 * The copula's rho: the latent correlation whose discretisation gives the observed covariance of the
 * normal scores of a country's source changes within a year (pairs of sources, pooled).
 */
function copulaRho(all: readonly ChangeRecord[][], tables: readonly (SourceTable | null)[]): number {
  const byCountryYear = new Map<number, number[]>();
  all.forEach((recs, s) => {
    const tab = tables[s];
    if (tab === null || tab === undefined) return;
    const cellV = new Map<number, number>();
    const scored: [number, number, number][] = [];
    for (const r of recs) {
      const cell = tab.changes.subarray(tab.offsets[r.t - 1], tab.offsets[r.t]);
      if (cell.length < 10) continue;
      const z = normalScores(cell, r.v);
      scored.push([r.c * 64 + r.t, z, r.t]);
      cellV.set(r.t, (cellV.get(r.t) ?? 0) + (z * z) / cell.length);
    }
    for (const [key, z, t] of scored) {
      const list = byCountryYear.get(key) ?? [];
      list.push(z, cellV.get(t) as number);
      byCountryYear.set(key, list);
    }
  });
  let cross = 0;
  let norm = 0;
  for (const zv of byCountryYear.values()) {
    let s1 = 0;
    let s2 = 0;
    let v1 = 0;
    let v2 = 0;
    for (let i = 0; i < zv.length; i += 2) {
      s1 += zv[i] as number;
      s2 += (zv[i] as number) ** 2;
      v1 += zv[i + 1] as number;
      v2 += (zv[i + 1] as number) ** 2;
    }
    cross += s1 * s1 - s2;
    norm += v1 * v1 - v2;
  }
  return norm > 0 ? Math.min(0.9, Math.max(0, cross / norm)) : 0;
}

/** One source's table, or null when the origin edition lacks it or it has no change. */
function sourceTable(p: WorldArrays, s: number): { table: SourceTable; recs: ChangeRecord[]; counts: number[] } | null {
  const T = p.ny - 1;
  const last = editionValues(p, s, T);
  if (last.count === 0 || T < 1) return null;
  const kind = latticeKind(last);
  const editions = Array.from({ length: T + 1 }, (_, t) => editionValues(p, s, t));
  const recs = changeRecords(p, s, kind, editions);
  if (recs.length === 0) return null;
  const { changes, offsets } = byYear(recs, T);
  const gaps = last.values.slice(1).map((v, i) => v - (last.values[i] as number)).sort((a, b) => a - b);
  const halfStep = kind === 'fine' ? (gaps[Math.floor(gaps.length / 2)] as number) / 2 : 0;
  const { counts, pNew } = rateCounts(p, s);
  const table: SourceTable = { kind, lattice: Float64Array.from(last.values), halfStep, changes, offsets, all: Float64Array.from(changes).sort(), devs: deviations(p, s), pExit: 0, pReentry: 0, pNew };
  return { table, recs, counts };
}

/** Fit the world model on a panel that holds the years up to the origin only. */
export function fitWorld(p: WorldArrays): WorldFit {
  const fitted = Array.from({ length: NS }, (_, s) => sourceTable(p, s));
  const tables = fitted.map((f) => f?.table ?? null);
  // Exit and re-entry rates, each source's shrunk toward the rate pooled over all sources.
  const tot = fitted.reduce((a, f) => (f === null ? a : a.map((x, i) => x + (f.counts[i] as number))), [0, 0, 0, 0]);
  const pe = (tot[1] as number) > 0 ? (tot[0] as number) / (tot[1] as number) : 0;
  const pr = (tot[3] as number) > 0 ? (tot[2] as number) / (tot[3] as number) : 0;
  for (const f of fitted) {
    if (f === null) continue;
    const [e, ar, r, rr] = f.counts as [number, number, number, number];
    f.table.pExit = (e + RATE_PRIOR * pe) / (ar + RATE_PRIOR);
    f.table.pReentry = (r + RATE_PRIOR * pr) / (rr + RATE_PRIOR);
  }
  return { tables, rho: copulaRho(fitted.map((f) => f?.recs ?? []), tables), years: p.ny - 1, origin: p.y0 + p.ny - 1 };
}
