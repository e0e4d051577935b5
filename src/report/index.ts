export { gapReport, formatGapReport, provenanceLine, type GapReport, type FormatOptions } from './gapReport.js';
