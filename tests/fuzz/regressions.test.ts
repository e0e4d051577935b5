/**
 * Regression tests for bugs the fuzz suite found in code outside the fuzz suite's folders
 * (methodology, analysis, charts, render): each failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { caught } from '../helpers/caught.js';
import { gapBarsSpec, gapWaterfall, gapWaterfallSpec, monteCarloFanSpec, rankPositionSpec, sourceHeatmapSpec, sourceTrendsSpec, workstreamMatrixSpec } from '../../src/charts/index.js';
import { cpiGap, CpiGapError, scenario, sourceGaps, thailand } from '../../src/index.js';
import { toSvg } from '../../src/render/index.js';
import { fingerprint } from './hostile.js';
import { createDataset, requiredMean, roundScore, standardError, trend } from '../../src/index.js';

const origin = { kind: 'user', note: 'regression' } as const;

/** Three sources over three years; EIU's scores are `eiu`, the others move. */
function datasetWith(eiu: readonly number[]) {
  return createDataset({
    country: { iso3: 'XYZ', name: { en: 'Example' } },
    sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }],
    scores: eiu.flatMap((value, i) => [
      { source: 'EIU' as const, year: 2020 + i, value, origin },
      { source: 'PRS' as const, year: 2020 + i, value: 40 + i, origin },
      { source: 'WEF' as const, year: 2020 + i, value: 50 - 2 * i, origin },
    ]),
  });
}

describe('fuzz regressions', () => {
  it('roundScore and requiredMean reject what is not a finite number instead of returning NaN', () => {
    expect(caught(() => roundScore(Number.NaN)).issues[0]?.path).toEqual(['mean']);
    expect(caught(() => roundScore('50.5' as unknown as number)).fn).toBe('roundScore');
    expect(caught(() => requiredMean(Number.POSITIVE_INFINITY)).issues[0]?.path).toEqual(['target']);
    expect(roundScore(50.5)).toBe(51);
    expect(requiredMean(51)).toBe(50.5);
  });

  it('standardError rejects a non-finite or negative SD, a source count outside 1..13 (1..14 before 2020) and a fractional edition', () => {
    expect(caught(() => standardError(Number.NaN, 9, 2019)).issues[0]?.path).toEqual(['sd']);
    expect(caught(() => standardError(-1, 9, 2019)).issues[0]?.path).toEqual(['sd']);
    // 14 sources would take the square root of a negative correction (13 - 14) / 12.
    expect(caught(() => standardError(4, 14, 2022)).issues[0]?.path).toEqual(['n']);
    expect(caught(() => standardError(4, 0, 2022)).issues[0]?.path).toEqual(['n']);
    expect(caught(() => standardError(4, 15, 2013)).issues[0]?.path).toEqual(['n']);
    expect(standardError(7, 14, 2013)).toBeCloseTo(7 / Math.sqrt(14), 12);
    expect(caught(() => standardError(4, 9, 2019.5)).issues[0]?.path).toEqual(['edition']);
    expect(standardError(4, 9, 2019)).toBeCloseTo(4 / 3, 12);
  });

  it("trend's r squared is 1, not NaN, for a series whose values are equal or a hair apart", () => {
    // Equal values whose floating-point mean is not exactly the value (0.7 * 3 / 3 != 0.7 in binary).
    expect(trend(datasetWith([0.7, 0.7, 0.7]), { series: 'EIU' }).rSquared).toBe(1);
    // Values whose spread squares to zero: r squared is 0 / 0.
    expect(trend(datasetWith([0, 0, 5e-324]), { series: 'EIU' }).rSquared).toBe(1);
    // A moving series is unaffected: 40, 41, 42 lies on a line.
    expect(trend(datasetWith([1, 2, 3]), { series: 'PRS' }).rSquared).toBeCloseTo(1, 12);
  });

  it('chart builders reject a record argument of the wrong shape with a CpiGapError naming it (they threw TypeError)', () => {
    expect(caught(() => gapBarsSpec([0] as never)).issues[0]?.path).toEqual(['gaps', 0]);
    expect(caught(() => sourceTrendsSpec({} as never)).issues[0]?.path).toEqual(['input', 'scores']);
    expect(caught(() => sourceHeatmapSpec(0 as never)).issues[0]?.path).toEqual(['scores']);
    expect(caught(() => workstreamMatrixSpec(' ' as never)).issues[0]?.path).toEqual(['workstreams']);
    expect(caught(() => gapWaterfallSpec(Number.NaN as never)).issues[0]?.path).toEqual(['waterfall']);
    expect(caught(() => rankPositionSpec(new Map() as never)).fn).toBe('rankPositionSpec');
    expect(caught(() => monteCarloFanSpec({} as never)).issues[0]?.path).toEqual(['years']);
    const gaps = sourceGaps(thailand, { year: 2022 });
    expect(caught(() => gapWaterfall(Number.NaN as never, cpiGap(thailand, { year: 2022 }))).issues[0]?.path).toEqual(['gaps']);
    // An origin that is not a provenance record was copied into the waterfall's origins.
    const badOrigin = gaps.map((g, i) => (i === 2 ? { ...g, origin: { kind: Number.NaN } } : g));
    expect(caught(() => gapWaterfall(badOrigin as never, cpiGap(thailand, { year: 2022 }))).issues[0]?.path.slice(0, 3)).toEqual(['gaps', 2, 'origin']);
  });

  it("toSvg leaves the caller's spec as it was (vega tagged each inline datum with a symbol-keyed id)", async () => {
    const spec = gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { locale: 'en' });
    const before = fingerprint(spec);
    const svg = await toSvg(spec, { onWarning: () => undefined });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(fingerprint(spec)).toBe(before);
    const values = (spec.data as { values: object[] }).values;
    expect(values.flatMap((v) => Object.getOwnPropertySymbols(v))).toEqual([]);
  });

  it('toSvg refuses a drawing with NaN coordinates (a string where the spec plots numbers) instead of returning it', async () => {
    const line = (values: object[]) => ({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values },
      mark: 'line' as const,
      encoding: { x: { field: 'year', type: 'quantitative' as const }, y: { field: 'score', type: 'quantitative' as const } },
    });
    const svg = await toSvg(line([{ year: 2022, score: 36 }, { year: 2023, score: 35 }]), { onWarning: () => undefined });
    expect(svg).not.toMatch(/NaN/);
    const error = await toSvg(line([{ year: 2022, score: 36 }, { year: 'x', score: 'y' }]), { onWarning: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpiGapError);
    expect((error as CpiGapError).message).toMatch(/^toSvg: spec: vega cannot draw the spec: the drawing has NaN coordinates/);
  });
});

describe('hostile records and lists (issue 21)', () => {
  it('gapWaterfall refuses a CpiGap whose neededMean no target gives (1e308), instead of returning Infinity', () => {
    const gaps = sourceGaps(thailand, { year: 2022 });
    const cpi = cpiGap(thailand, { year: 2022 });
    const e = caught(() => gapWaterfall(gaps, { ...cpi, neededMean: 1e308 }));
    expect(e.fn).toBe('gapWaterfall');
    expect(e.issues[0]?.path).toEqual(['cpi', 'neededMean']);
  });

  it('scenario with 125,000 changes: a CpiGapError naming the limit, not a RangeError', () => {
    const changes = Array.from({ length: 125_000 }, () => ({ kind: 'delta' as const, source: 'VDEM' as const, year: 2026, delta: 0.0001 }));
    const e = caught(() => scenario(thailand, { baseYear: 2025, changes }));
    expect(e.message).toBe('scenario: spec.changes: expected at most 10000 items (got an array of 125000)');
    // At the limit it runs: 10,000 changes of 0.0001 each add 1 point to V-Dem.
    const r = scenario(thailand, { baseYear: 2025, changes: changes.slice(0, 10_000) });
    const vdem = r.paths.find((p) => p.source === 'VDEM')?.points;
    expect(((vdem?.[1]?.value ?? 0) - (vdem?.[0]?.value ?? 0)).toFixed(6)).toBe('1.000000');
  });
});
