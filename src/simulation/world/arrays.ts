/**
 * TI's CPI panel as flat typed arrays for the world model (internal), and the one operation its
 * no-look-ahead rule rests on: {@link upTo}, a copy holding the years up to the origin only. The
 * model's fit only ever receives such a copy, so nothing published after the origin reaches it.
 */
import { SOURCE_IDS } from '../../dataset/sourceCatalog.js';
import { ROUNDING_TOLERANCE } from '../../methodology/roundScore.js';
import type { PanelRow } from '../../world/panel.js';

/** Sources in TI's column order (the panel's, and `SOURCE_IDS`). */
export const NS = SOURCE_IDS.length;

/** The panel as arrays. Years y0 .. y0 + ny - 1; countries in ISO3 order. */
export interface WorldArrays {
  readonly y0: number;
  readonly ny: number;
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  /** `value[(c * ny + t) * NS + s]`: the source's score as TI stores it, NaN when absent. */
  readonly value: Float64Array;
  /** `score[c * ny + t]`: the published CPI score, NaN when unscored. */
  readonly score: Float64Array;
  /** `intEdition[t]`: the edition stores integer source scores (more than 95% of its values). */
  readonly intEdition: readonly boolean[];
}

export const val = (p: WorldArrays, c: number, t: number, s: number): number => p.value[(c * p.ny + t) * NS + s] as number;
export const sc = (p: WorldArrays, c: number, t: number): number => p.score[c * p.ny + t] as number;

/** TI's rounding, half up with roundScore's tolerance, without its finiteness check (the kernels' hot loops; NaN stays NaN). */
export const roundHalfUp = (x: number): number => Math.floor(x + 0.5 + ROUNDING_TOLERANCE);

/** Whether more than 95% of each edition's source values are integers. */
function integerEditions(value: Float64Array, nc: number, ny: number): boolean[] {
  return Array.from({ length: ny }, (_, t) => {
    let all = 0;
    let ints = 0;
    for (let c = 0; c < nc; c += 1) {
      for (let s = 0; s < NS; s += 1) {
        const v = value[(c * ny + t) * NS + s] as number;
        if (Number.isNaN(v)) continue;
        all += 1;
        if (Math.abs(v - Math.round(v)) < 1e-9) ints += 1;
      }
    }
    return all > 0 && ints / all > 0.95;
  });
}

/** The arrays of TI's rows (any order; every row a country-year). */
export function worldArrays(rows: readonly PanelRow[]): WorldArrays {
  const years = rows.map((r) => r.year);
  const y0 = Math.min(...years);
  const ny = Math.max(...years) - y0 + 1;
  const countries = [...new Set(rows.map((r) => r.iso3))].sort();
  const index = new Map(countries.map((c, i) => [c, i]));
  const regions = countries.map(() => '');
  const value = new Float64Array(countries.length * ny * NS).fill(NaN);
  const score = new Float64Array(countries.length * ny).fill(NaN);
  for (const r of rows) {
    const c = index.get(r.iso3) as number;
    const t = r.year - y0;
    regions[c] = r.region ?? '';
    score[c * ny + t] = r.score;
    SOURCE_IDS.forEach((id, s) => {
      const v = r.sourceScores[id];
      if (v !== undefined) value[(c * ny + t) * NS + s] = v;
    });
  }
  return { y0, ny, countries, regions, value, score, intEdition: integerEditions(value, countries.length, ny) };
}

/** The panel as known at the end of year `o`: a copy with the years y0..o only. */
export function upTo(p: WorldArrays, o: number): WorldArrays {
  const ny = Math.min(p.ny, o - p.y0 + 1);
  const n = p.countries.length;
  const value = new Float64Array(n * ny * NS);
  const score = new Float64Array(n * ny);
  for (let c = 0; c < n; c += 1) {
    value.set(p.value.subarray(c * p.ny * NS, (c * p.ny + ny) * NS), c * ny * NS);
    score.set(p.score.subarray(c * p.ny, c * p.ny + ny), c * ny);
  }
  return { y0: p.y0, ny, countries: p.countries, regions: p.regions, value, score, intEdition: p.intEdition.slice(0, ny) };
}

/**
 * A source's values in two editions at one precision: when either edition stores integers both are
 * rounded half up, so mixing integers with unrounded values invents no change.
 */
export function pairAtCommonPrecision(p: WorldArrays, c: number, t0: number, t1: number, s: number): [number, number] {
  const a = val(p, c, t0, s);
  const b = val(p, c, t1, s);
  if (p.intEdition[t0] === true || p.intEdition[t1] === true) return [roundHalfUp(a), roundHalfUp(b)];
  return [a, b];
}
