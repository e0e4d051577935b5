export { gapReport, formatGapReport, provenanceLine, GapReport, type FormatOptions } from './gapReport.js';
export { toHTML, jupyterDisplay, type JupyterDisplayable, type MimeBundle } from './html.js';
