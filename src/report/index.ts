export { gapReport, formatGapReport, provenanceLine, GapReport, type FormatOptions } from './gapReport.js';
