/**
 * Thailand's rows of the world panel agree with the bundled `thailand` dataset, 2017-2025: exactly
 * for every value whose origin is TI (source scores 2023-2025, TI's SE, interval and number of
 * sources), within the seed's integer rounding (|difference| <= 0.5) for the seed's 2017-2022
 * source scores; the published CPI, ranks and countries assessed are equal. Both sides are read
 * from the repository's data files (data/thailand/*.json and data/world/panel.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';

interface PanelJson {
  readonly columns: readonly string[];
  readonly data: readonly (readonly (string | number | null)[])[];
}
interface Origin {
  readonly kind: string;
}
const read = (...path: string[]): unknown => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const panel = read('data', 'world', 'panel.json') as PanelJson;
const scores = read('data', 'thailand', 'scores.json') as { source: string; year: number; value: number; origin: Origin }[];
const cpi = read('data', 'thailand', 'cpi.json') as { year: number; score: number; rank: number; countries: number; origin: Origin; ti?: { standardError: number; lower: number; upper: number; sources: number; origin: Origin } }[];

const col = (name: string) => panel.columns.indexOf(name);
const n = panel.data[0]?.length ?? 0;
const rowOf = (iso3: string, year: number) => Array.from({ length: n }, (_, r) => r).find((r) => panel.data[col('iso3')]?.[r] === iso3 && panel.data[col('year')]?.[r] === year) ?? -1;
const cell = (r: number, name: string) => panel.data[col(name)]?.[r];

describe("Thailand's panel rows and the bundled thailand dataset", () => {
  it('have the same published CPI score and rank 2017-2025, and the countries assessed match the panel', () => {
    expect(cpi.map((c) => c.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const c of cpi) {
      const r = rowOf('THA', c.year);
      expect([c.year, cell(r, 'score'), cell(r, 'rank')]).toEqual([c.year, c.score, c.rank]);
      expect([c.year, c.countries]).toEqual([c.year, panel.data[col('year')]?.filter((y) => y === c.year).length]);
    }
  });

  it("agree exactly on every value whose origin is TI: TI's SE, interval and sources, and the 2023-2025 source scores", () => {
    const ti = scores.filter((s) => s.origin.kind === 'ti');
    expect(ti.map((s) => s.year).sort()).toEqual(Array.from({ length: 27 }, (_, i) => 2023 + Math.floor(i / 9)));
    const off = ti.filter((s) => !Object.is(cell(rowOf('THA', s.year), s.source), s.value)).map((s) => `${s.source} ${s.year}`);
    expect(off).toEqual([]);
    for (const c of cpi) {
      const r = rowOf('THA', c.year);
      expect(c.ti?.origin.kind).toBe('ti');
      expect([c.year, c.ti?.standardError, c.ti?.lower, c.ti?.upper, c.ti?.sources]).toEqual([c.year, cell(r, 'standardError'), cell(r, 'lower'), cell(r, 'upper'), cell(r, 'sources')]);
    }
  });

  it("agree within the seed's integer rounding (|difference| <= 0.5) on the seed's 2017-2022 source scores", () => {
    const seed = scores.filter((s) => s.origin.kind === 'seed');
    expect(seed).toHaveLength(54);
    const diffs = seed.map((s) => ({ at: `${s.source} ${s.year}`, seed: s.value, ti: cell(rowOf('THA', s.year), s.source) }));
    expect(diffs.filter((d) => typeof d.ti !== 'number' || Math.abs(d.seed - d.ti) > 0.5)).toEqual([]);
    // In 2021 TI stores unrounded scores: the seed's integers are those rounded (BTI 36.84 -> 37).
    expect(diffs.find((d) => d.at === 'BTI 2021')).toEqual({ at: 'BTI 2021', seed: 37, ti: 36.83502 });
  });
});
