/**
 * A dataset's series at one precision and the world model's fitted state (internal). A source's
 * series is read as TI stores it for every country-year the bundled panel holds (so the seed's
 * integers to 2022 are not mixed with TI's unrounded values from 2023, which would invent changes),
 * and from the dataset only where TI has nothing (a newer edition read from TI's file, a dataset of
 * one's own).
 */
import type { Dataset } from '../../dataset/createDataset.js';
import { SOURCE_IDS, type SourceId } from '../../dataset/sourceCatalog.js';
import { INTEGER_EDITIONS } from '../../methodology/editions.js';
import { countrySourceScores } from '../../world/panel.js';
import type { OnePrecision } from '../precision.js';
import { worldRows } from '../../world/worldPanel.js';
import { NS, upTo, worldArrays, type WorldArrays } from './arrays.js';
import { fitWorld, othersMean, type WorldFit } from './fit.js';
import type { CountryStart } from './paths.js';
import { fitScoreLevel, sourceMean, type ScoreLevelFit, type ScoreStart } from './scoreLevel.js';

let arrays: WorldArrays | undefined;
/** The bundled panel as arrays (made once). */
export function panelArrays(): WorldArrays {
  arrays ??= worldArrays(worldRows());
  return arrays;
}

/** The world model fitted at an origin, and the panel it saw. */
export interface FittedWorld {
  readonly view: WorldArrays;
  readonly fit: WorldFit;
  readonly scoreLevel: ScoreLevelFit;
}

const fits = new Map<number, FittedWorld>();
/** The world model fitted on the panel up to `origin` (capped at the panel's last edition); kept per origin. */
export function fittedWorld(origin: number): FittedWorld {
  const all = panelArrays();
  const o = Math.min(origin, all.y0 + all.ny - 1);
  const known = fits.get(o);
  if (known !== undefined) return known;
  const view = upTo(all, o);
  const made = { view, fit: fitWorld(view), scoreLevel: fitScoreLevel(view) };
  fits.set(o, made);
  return made;
}

/** The dataset's series at one precision (see the module's comment). */
export function onePrecision(dataset: Dataset): OnePrecision {
  const values = new Map<string, number>();
  for (const s of dataset.scores) values.set(`${s.source}@${s.year}`, s.value);
  const tiYears = new Map<number, boolean>();
  for (const [year, scores] of countrySourceScores(dataset.country.iso3)) {
    tiYears.set(year, INTEGER_EDITIONS.includes(year));
    for (const id of SOURCE_IDS) values.delete(`${id}@${year}`);
    for (const [id, v] of Object.entries(scores)) values.set(`${id}@${year}`, v);
  }
  return { values, tiYears };
}

/** Whether a year's values are integers as stored (TI's integer editions; a dataset year whose every value is an integer). */
function integerYear(series: OnePrecision, year: number): boolean {
  const ti = series.tiYears.get(year);
  if (ti !== undefined) return ti;
  const vs = [...series.values].filter(([k]) => k.endsWith(`@${year}`)).map(([, v]) => v);
  return vs.length > 0 && vs.every((v) => Number.isInteger(v));
}

/** A source's value in a year of the series, NaN when absent. */
const at = (series: OnePrecision, id: SourceId, year: number): number => series.values.get(`${id}@${year}`) ?? NaN;

/** Where the world model's paths start for a dataset: its base-year sources, its history, TI's published score. */
export function countryStart(dataset: Dataset, series: OnePrecision, base: number, published: number): CountryStart {
  const values = new Float64Array(NS).fill(NaN);
  const lastDev = new Float64Array(NS).fill(NaN);
  SOURCE_IDS.forEach((id, s) => {
    values[s] = at(series, id, base);
  });
  for (const year of dataset.years.filter((y) => y <= base)) {
    const row = SOURCE_IDS.map((id) => at(series, id, year));
    row.forEach((x, s) => {
      const others = row.filter((v, k) => k !== s && !Number.isNaN(v));
      if (!Number.isNaN(x) && Number.isNaN(values[s]) && others.length >= 2) lastDev[s] = x - others.reduce((a, b) => a + b, 0) / others.length;
    });
  }
  const all = panelArrays();
  const c = all.countries.indexOf(dataset.country.iso3);
  const region = c >= 0 ? (all.regions[c] as string) : (dataset.country.region ?? '');
  return { values, lastDev, region, published, intOrigin: integerYear(series, base) };
}

/** Every other country scored in the panel's edition `year`, as score-level starts. */
export function otherStarts(view: WorldArrays, except: string): ScoreStart[] {
  const T = view.ny - 1;
  const starts: ScoreStart[] = [];
  view.countries.forEach((iso3, c) => {
    const published = view.score[c * view.ny + T] as number;
    if (iso3 === except || Number.isNaN(published)) return;
    const [mean, n] = sourceMean(view, c, T, false);
    starts.push({ mean, n, published, intOrigin: view.intEdition[T] === true });
  });
  return starts;
}

/** Where country c's paths start in a panel view (its last year): for the backtest, which forecasts from the panel itself. */
export function panelStart(view: WorldArrays, c: number): CountryStart {
  const T = view.ny - 1;
  const values = new Float64Array(NS);
  const lastDev = new Float64Array(NS).fill(NaN);
  for (let s = 0; s < NS; s += 1) {
    values[s] = view.value[(c * view.ny + T) * NS + s] as number;
    if (!Number.isNaN(values[s])) continue;
    for (let t = 0; t <= T; t += 1) {
      const x = view.value[(c * view.ny + t) * NS + s] as number;
      const [m, k] = othersMean(view, c, t, s);
      if (!Number.isNaN(x) && k >= 2) lastDev[s] = x - m;
    }
  }
  return { values, lastDev, region: view.regions[c] as string, published: view.score[c * view.ny + T] as number, intOrigin: view.intEdition[T] === true };
}
