import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { sourceChangeRecord } from './changeRecord.js';
import { worldRows } from './worldPanel.js';

/** TI's editions that store integers (2021 and 2023 on are unrounded), written here. */
const INTEGER = new Set([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);

/**
 * The same count written independently: every pair of rows of one country `years` editions apart,
 * both rounded (Math.round: no source value sits on a negative half) when either edition stores integers.
 */
function pairs(source: 'WEF' | 'EIU', years: number): number[] {
  const rows = worldRows();
  const out: number[] = [];
  for (const a of rows) {
    for (const b of rows) {
      if (a.iso3 !== b.iso3 || b.year - a.year !== years) continue;
      const x = a.sourceScores[source];
      const y = b.sourceScores[source];
      if (x === undefined || y === undefined) continue;
      out.push(INTEGER.has(a.year) || INTEGER.has(b.year) ? Math.round(y) - Math.round(x) : y - x);
    }
  }
  return out;
}

describe('sourceChangeRecord', () => {
  it('counts every observed change of the source across the panel', () => {
    const changes = pairs('WEF', 1);
    const r = sourceChangeRecord('WEF', 10);
    expect(r.observed).toBe(changes.length);
    expect(r.asLarge).toBe(changes.filter((d) => d >= 10).length);
    expect(r.share).toBeCloseTo(r.asLarge / changes.length, 12);
    expect(r.largestRise).toBe(Math.max(...changes));
    expect(r.largestFall).toBe(Math.min(...changes));
    expect(r.unprecedented).toBe(false);
  });

  it('counts falls for a negative change, over k editions, and flags what was never seen', () => {
    const changes = pairs('EIU', 2);
    const r = sourceChangeRecord('EIU', -5, 2);
    expect([r.observed, r.asLarge]).toEqual([changes.length, changes.filter((d) => d <= -5).length]);
    expect(sourceChangeRecord('WEF', Math.max(...pairs('WEF', 1)) + 0.5).unprecedented).toBe(true);
    expect(sourceChangeRecord('WEF', 0).share).toBe(pairs('WEF', 1).filter((d) => d >= 0).length / pairs('WEF', 1).length);
  });

  it('refuses an unknown source or a change out of range', () => {
    expect(() => sourceChangeRecord('XYZ' as 'WEF', 1)).toThrow(CpiGapError);
    expect(() => sourceChangeRecord('WEF', 101)).toThrow(/sourceChangeRecord: options.change/);
  });
});
