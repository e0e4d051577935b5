export { roundScore, requiredMean, ROUNDING_TOLERANCE } from './roundScore.js';
export { aggregate, standardError, ciZ, AggregateOptions, CPI_SOURCE_COUNT, type Aggregate } from './aggregate.js';
export { rank, scoreForRank } from './rank.js';
export { targetConsistency, TargetPair, type TargetConsistency } from './targetConsistency.js';
export { rescale, unrescale, RescaleBaseline, CPI_SCALE_MEAN, CPI_SCALE_SD } from './rescale.js';
export {
  changeSignificance,
  TI_CRITICAL_Z,
  CountryYearEstimate,
  ChangeSignificanceOptions,
  type ChangeSignificance,
} from './changeSignificance.js';
export { studentTTwoSided } from './studentT.js';
export { STEPPED_LEVELS, type SteppedSource } from './steppedLevels.js';
