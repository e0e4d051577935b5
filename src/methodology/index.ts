export { roundScore, requiredMean, ROUNDING_TOLERANCE } from './roundScore.js';
export { aggregate, standardError, ciZ, AggregateOptions, CPI_SOURCE_COUNT, type Aggregate } from './aggregate.js';
export { rank, scoreForRank } from './rank.js';
