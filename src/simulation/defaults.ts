/**
 * The defaults and choice lists of a simulation run, in one light module: `simulate` and
 * `modelParameters` apply them, and the command line reads them for its flags and help (without
 * loading the simulation itself).
 */
import * as z from 'zod';

/**
 * How simulated source scores move from one year to the next:
 * - `random-walk`: x <- clip(x + mu + sigma * Z), Z ~ N(0, 1) independent across sources and years;
 *   mu and sigma are the mean and sample SD (n - 1) of the source's observed year-on-year changes.
 * - `bootstrap`: x <- clip(x + d), d drawn with replacement from the source's observed changes.
 * - `correlated`: x <- clip(x + mu + L Z), L L' the shrunk covariance of the observed changes.
 * @example
 * SimulationModel.options; // => ['random-walk', 'bootstrap', 'correlated']
 * const m: SimulationModel = 'bootstrap';
 * console.log(m);
 */
export const SimulationModel = z.enum(['random-walk', 'bootstrap', 'correlated']);
export type SimulationModel = z.infer<typeof SimulationModel>;

/**
 * The model used when none is given: the random walk of mc_numpy.py.
 *
 * @example
 * DEFAULT_MODEL; // => 'random-walk'
 * modelParameters(thailand).model; // => 'random-walk'
 */
export const DEFAULT_MODEL: SimulationModel = 'random-walk';

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
