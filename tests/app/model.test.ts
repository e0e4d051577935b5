import { describe, expect, it } from 'vitest';
import { allocationRecord, solve, stand, whatIf } from '../../app/src/model.js';
import { DEFAULT_STATE } from '../../app/src/state.js';
import { countries, edition } from '../../src/world/index.js';

/** The explorer's numbers for every country of the panel: the country picker offers each one. */
describe('the CPI explorer for every country of the panel', () => {
  it('stands, runs the what-if and target-seeking for each, on its latest edition', () => {
    const all = countries();
    expect(all.length).toBeGreaterThan(180);
    all.forEach((c, i) => {
      const state = { ...DEFAULT_STATE, country: c.iso3, peers: 'region' as const, uplifts: { WEF: 5 } };
      const s = stand(state);
      // TI's published row of the country's latest edition.
      expect(s.year, c.iso3).toBe(c.lastEdition);
      expect(s.row.score, c.iso3).toBe(edition(c.lastEdition).rows.find((r) => r.iso3 === c.iso3)?.score);
      const w = whatIf(state, s, { base: 'base', whatIf: 'what-if' });
      expect(w.result.years.map((y) => y.year), c.iso3).toEqual([s.year, s.year + 1, s.year + 2, s.year + 3]);
      for (const strategy of ['even', 'cheapest', 'bounded'] as const) expect(solve(state, s, strategy).allocation.length, c.iso3).toBe(s.gaps.length);
      // The record of each allocation reads the whole panel per source: one country in ten is enough.
      if (i % 10 === 0) expect(allocationRecord(solve(state, s, 'even')).every((r) => r.record.observed > 0), c.iso3).toBe(true);
    });
  }, 60_000);
});
