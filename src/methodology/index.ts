export { roundScore, requiredMean, ROUNDING_TOLERANCE } from './roundScore.js';
