export { readTiResults } from './readTiResults.js';
export { parseCsv, TABLE_LIMITS } from '../util/csv.js';
export { TiReadOptions, type TiRow, type TiResults, type TiReadReport, type TiRejectedRow, type TiCell } from './readTiTable.js';
export { mapHeader, normaliseHeader, TI_FIELD_ALIASES, TI_SOURCE_ALIASES, type TiField, type TiColumnMeaning, type MappedHeader } from './headers.js';
export { datasetFromTi, TiRowSchema, type TiDataset } from './datasetFromTi.js';
export { tiConformance, type EditionConformance } from './tiConformance.js';
export { significantChanges, significanceAgreement, SignificanceRow, SignificantChange } from './significantChanges.js';
