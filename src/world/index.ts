/**
 * cpi-gap/world: Transparency International's CPI for every country and territory, 2012-2025 (the
 * "CPI Historical" table, bundled unchanged as data/world/panel.json, CC BY-ND 4.0: attribute
 * "Transparency International, Corruption Perceptions Index"), any country's dataset, each
 * edition's scores and ranks, peer groups and peer comparisons. Kept out of the core entry so that
 * `import 'cpi-gap'` does not load the panel.
 *
 * @packageDocumentation
 * @module cpi-gap/world
 */
export { countries, findCountry } from './countries.js';
export { worldDataset } from './worldDataset.js';
export { edition } from './edition.js';
export { ISO3_TO_ALPHA2, NON_ISO_CODES } from './iso.js';
export { TI_REGIONS, RegionCode } from './regions.js';
export { ASEAN_MEMBERS, peerGroup } from './peerGroups.js';
export { peerComparison, PeerComparisonOptions } from './peerComparison.js';
export { WorldCountry, WorldEdition, EditionRow, PeerGroup, DEFAULT_PEER_GROUP, ResolvedPeerGroup, PeerRow, PeerSourceGap, PeerComparison } from './records.js';
export { worldPanel, worldRows, WorldPanelInfo } from './worldPanel.js';
export type { PanelRow } from './panel.js';
export { sourceChangeRecord, changeRecord, type SourceChangeRecord } from './changeRecord.js';
export { feasibility, FeasibilityOptions } from './feasibility.js';
/** The record's interface and the assessment's types live in the core (`cpi-gap`); re-exported here for the world's users. */
export type { ChangeRecord, Feasibility, RecordGain, SourceFeasibility } from '../analysis/feasibility.js';
