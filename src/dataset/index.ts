export { createDataset, assertDataset, MIN_SOURCES, type Dataset, type Source } from './createDataset.js';
export { latestYear, resolveYear, scoresOfYear } from './access.js';
export { thailand } from './thailand.js';
export { SOURCE_CATALOG, SOURCE_IDS, CURRENT_SOURCE_IDS, THAILAND_SOURCE_IDS, type SourceId } from './sourceCatalog.js';
export {
  DatasetInput,
  SourceScore,
  CpiYear,
  Target,
  Workstream,
  Provenance,
  SourceIdSchema,
} from './schema.js';
