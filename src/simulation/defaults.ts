/**
 * The defaults and choice lists of a simulation run, in one light module: `simulate` and
 * `modelParameters` apply them, and the command line reads them for its flags and help (without
 * loading the simulation itself).
 */
import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { defaultEra, Era, Locale, yearLabel } from '../i18n/labels.js';
import { frozen } from '../util/freeze.js';

/**
 * How simulated source scores move from one year to the next:
 * - `world` (the default): learnt from every country. Each path-year draws one historical year of
 *   TI's panel; each source present moves by a change drawn from all countries' changes of that
 *   source in that year (at one precision), through a Gaussian copula that keeps a country's sources
 *   as correlated as they were; a stepped source (EIU, GI, SGI, WB CPIA) moves between the levels of
 *   its latest edition; sources leave and enter at their pooled rates; the CPI is TI's mean rounded
 *   half up. Chosen by the backtest of {@link WORLD_BACKTEST}.
 * - `random-walk`: x <- clip(x + mu + sigma * Z), Z ~ N(0, 1) independent across sources and years;
 *   mu and sigma are the mean and sample SD (n - 1) of the country's own year-on-year changes.
 * - `bootstrap`: x <- clip(x + d), d drawn with replacement from the country's observed changes.
 * - `correlated`: x <- clip(x + mu + L Z), L L' the shrunk covariance of the country's changes.
 * @example
 * SimulationModel.options; // => ['world', 'random-walk', 'bootstrap', 'correlated']
 * const m: SimulationModel = 'bootstrap';
 * console.log(m);
 */
export const SimulationModel = z.enum(['world', 'random-walk', 'bootstrap', 'correlated']);
export type SimulationModel = z.infer<typeof SimulationModel>;

/**
 * The model used when none is given: `world`, the one whose intervals the backtest vindicates.
 *
 * @example
 * DEFAULT_MODEL; // => 'world'
 * (await modelParameters(thailand)).model; // => 'world'
 */
export const DEFAULT_MODEL: SimulationModel = 'world';

/**
 * How the models' forecasts fared against TI's published scores (`npm run backtest`): for every
 * country and origin 2015-2024, fitted on the panel up to the origin only, the published integer
 * score of origin + h scored by the randomized PIT (the share of outcomes inside the central
 * 50/80/90% intervals) and the ranked probability score (lower is better). `world` is the default;
 * `random-walk` is each country's own random walk; `persistence` the baseline of the base-year score
 * plus a draw of all countries' h-year changes. Provenance: `npm run backtest` on TI's "CPI
 * Historical" table 2012-2025 (4,000 paths per country and origin).
 *
 * @example
 * WORLD_BACKTEST.world[0]?.coverage80; // => 0.792
 * WORLD_BACKTEST.world.every((r, i) => r.rps < (WORLD_BACKTEST.persistence[i]?.rps ?? 0)); // => true
 */
export const WORLD_BACKTEST = frozen({
  origins: { from: 2015, to: 2024 },
  file: 'cpi_historical_2012_2025.csv',
  world: [
    { h: 1, n: 1782, coverage50: 0.523, coverage80: 0.792, coverage90: 0.89, rps: 1.062 },
    { h: 2, n: 1602, coverage50: 0.512, coverage80: 0.803, coverage90: 0.894, rps: 1.474 },
    { h: 3, n: 1421, coverage50: 0.507, coverage80: 0.814, coverage90: 0.899, rps: 1.771 },
  ],
  'random-walk': [
    { h: 1, n: 1782, coverage50: 0.465, coverage80: 0.718, coverage90: 0.801, rps: 1.213 },
    { h: 2, n: 1602, coverage50: 0.409, coverage80: 0.663, coverage90: 0.77, rps: 1.824 },
    { h: 3, n: 1421, coverage50: 0.364, coverage80: 0.643, coverage90: 0.743, rps: 2.362 },
  ],
  persistence: [
    { h: 1, n: 1782, coverage50: 0.523, coverage80: 0.814, coverage90: 0.914, rps: 1.085 },
    { h: 2, n: 1602, coverage50: 0.517, coverage80: 0.807, coverage90: 0.911, rps: 1.513 },
    { h: 3, n: 1421, coverage50: 0.524, coverage80: 0.843, coverage90: 0.926, rps: 1.813 },
  ],
} as const);

/**
 * A model's backtest coverage at a horizon (1-3; longer horizons cite the 3-year figure), in one
 * sentence for tables, notes and chart subtitles, in English or Thai, its years in `era` (default
 * `defaultEra(locale)`: the Buddhist Era in Thai, as Thai output writes years, the Common Era in English).
 *
 * @example
 * describeBacktest('world', 1); // => 'backtest: 80% intervals held 79% of 1-year outcomes (90% intervals: 89%), origins 2015-2024'
 * describeBacktest('world', 1, 'th'); // => 'ผลทดสอบย้อนหลัง: ช่วง 80% ครอบคลุม 79% ของผลจริงล่วงหน้า 1 ปี (ช่วง 90%: 89%) จุดเริ่ม 2558-2567'
 * describeBacktest('world', 1, 'th', 'ce'); // => 'ผลทดสอบย้อนหลัง: ช่วง 80% ครอบคลุม 79% ของผลจริงล่วงหน้า 1 ปี (ช่วง 90%: 89%) จุดเริ่ม 2015-2024'
 * describeBacktest('bootstrap', 1); // => 'backtest: none for this model (the world model's 80% intervals held 79% of 1-year outcomes)'
 */
export function describeBacktest(model: SimulationModel, h: number, locale: Locale = 'en', era?: Era): string {
  parseInput('describeBacktest', SimulationModel, model, ['model']);
  parseInput('describeBacktest', z.int().check(z.minimum(1), z.maximum(100)), h, ['h']);
  parseInput('describeBacktest', Locale, locale, ['locale']);
  const years = parseInput('describeBacktest', z.optional(Era), era, ['era']) ?? defaultEra(locale);
  const i = Math.min(3, h) - 1;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const world = WORLD_BACKTEST.world[i] ?? WORLD_BACKTEST.world[0];
  const from = yearLabel(WORLD_BACKTEST.origins.from, years);
  const to = yearLabel(WORLD_BACKTEST.origins.to, years);
  if (model !== 'world' && model !== 'random-walk') {
    return locale === 'th'
      ? `ผลทดสอบย้อนหลัง: ไม่มีสำหรับแบบจำลองนี้ (ช่วง 80% ของแบบจำลอง world ครอบคลุม ${pct(world.coverage80)} ของผลจริงล่วงหน้า ${world.h} ปี)`
      : `backtest: none for this model (the world model's 80% intervals held ${pct(world.coverage80)} of ${world.h}-year outcomes)`;
  }
  const row = WORLD_BACKTEST[model][i] ?? world;
  return locale === 'th'
    ? `ผลทดสอบย้อนหลัง: ช่วง 80% ครอบคลุม ${pct(row.coverage80)} ของผลจริงล่วงหน้า ${row.h} ปี (ช่วง 90%: ${pct(row.coverage90)}) จุดเริ่ม ${from}-${to}`
    : `backtest: 80% intervals held ${pct(row.coverage80)} of ${row.h}-year outcomes (90% intervals: ${pct(row.coverage90)}), origins ${from}-${to}`;
}

/**
 * The seed used when none is given (the one mc_numpy.py uses).
 *
 * @example
 * DEFAULT_SEED; // => 12345
 * (await simulate(thailand, { paths: 1000, horizon: 1 })).seed; // => 12345
 */
export const DEFAULT_SEED = 12345;
/**
 * Paths simulated when `paths` is not given.
 *
 * @example
 * DEFAULT_PATHS; // => 100000
 */
export const DEFAULT_PATHS = 100_000;
/**
 * Years simulated when `horizon` is not given (mc_numpy.py's default).
 *
 * @example
 * DEFAULT_HORIZON; // => 8
 * const r = await simulate(thailand, { paths: 1000 });
 * r.years.length; // => 8
 */
export const DEFAULT_HORIZON = 8;
