/**
 * cpi-gap: the Corruption Perceptions Index, source by source. The core entry: data, TI's
 * arithmetic, gaps and Thai/English labels. Heavy parts (mathjs expressions, vega rendering) live
 * behind their own subpath entries.
 *
 * @packageDocumentation
 * @module cpi-gap
 */
export { CpiGapError, describeValue, ERROR_LIMITS, printable, type CpiGapIssue } from './errors.js';
export * from './dataset/index.js';
export * from './i18n/index.js';
export * from './methodology/index.js';
export * from './analysis/index.js';
export * from './report/index.js';
export * from './ti/index.js';
