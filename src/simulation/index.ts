/**
 * cpi-gap/simulation: Monte Carlo projections of a country's CPI: by default the world model,
 * learnt from every country of TI's panel and backtested against TI's published scores, with ranks
 * among every country moving; the country models by name (random walk, bootstrap, correlated
 * normal); with or without a scenario's planned uplifts. Node's worker threads load
 * only when a run uses more than one thread.
 *
 * @packageDocumentation
 * @module cpi-gap/simulation
 */
export { SimulationModel, DEFAULT_MODEL, DEFAULT_SEED, DEFAULT_PATHS, DEFAULT_HORIZON, WORLD_BACKTEST, describeBacktest } from './defaults.js';
export {
  simulate,
  SimulateOptions,
  PlannedUplift,
  THREADS_THRESHOLD,
  GENERATOR,
  type SimulationResult,
  type SimulationProgress,
  type SimulationUplift,
} from './simulate.js';
export { modelParameters, ModelOptions, type ModelParameters, type SourceParameters, type WorldParameters } from './modelParameters.js';
export { SimulationYear, ScoreQuantiles, RankProbability } from './records.js';
export { CHUNK_PATHS } from './kernel.js';
