export { sourceGaps, cpiGap, workstreamGaps, GapOptions, DEFAULT_TARGET, type SourceGap, type CpiGap, type WorkstreamGap, type WorkstreamSourceGap } from './gaps.js';
