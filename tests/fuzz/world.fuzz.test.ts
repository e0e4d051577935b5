/** Fuzz every function exported by `cpi-gap/world` (the panel, countries, editions, peers). */
import fc from 'fast-check';
import { thailand } from '../../src/index.js';
import * as world from '../../src/world/index.js';
import { fuzzEntry } from './harness.js';

const iso3 = fc.constantFrom('THA', 'IDN', 'BLZ', 'KSV', 'BRN', 'USA', 'tha', 'Thailand', 'ไทย');

fuzzEntry('cpi-gap/world', world, {
  countries: { args: () => [] },
  findCountry: { args: () => ['Indonesia'], alt: { 0: iso3 } },
  worldDataset: { args: () => ['IDN'], alt: { 0: iso3 } },
  edition: { args: () => [2025], alt: { 0: fc.integer({ min: 2010, max: 2027 }) } },
  peerGroup: { args: () => ['asean', { year: 2025 }], alt: { 0: fc.constantFrom('region', 'AP', 'WE/EU', ['THA', 'VNM']), 1: fc.record({ year: fc.integer({ min: 2011, max: 2026 }), country: iso3 }) } },
  peerComparison: { args: () => [thailand, { group: 'asean', year: 2025 }], alt: { 0: iso3, 1: fc.record({ group: fc.constantFrom('asean', 'region', 'SSA', ['MYS', 'SGP']), year: fc.integer({ min: 2011, max: 2026 }) }) }, runs: 120 },
  worldPanel: { args: () => [] },
  worldRows: { args: () => [] },
  sourceChangeRecord: { args: () => ['WEF', 10, 1], alt: { 0: fc.constantFrom('EIU', 'VDEM', 'TI_BPS', 'WB_CPIA'), 1: fc.double({ min: -100, max: 100, noNaN: true }), 2: fc.integer({ min: 1, max: 13 }) }, runs: 40 },
  feasibility: { args: () => [{ gains: [{ source: 'EIU', gain: 14.5, from: 34.49 }, { source: 'PRS', gain: 5 }], years: 2 }], runs: 60 },
  changeRecord: { args: () => [] },
});
