import { describe, expect, it } from 'vitest';
import { cpiGap, sourceGaps, workstreamGaps, type SourceGap } from '../analysis/gaps.js';
import { createDataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { budgetByApproach, budgetByWorkstream } from '../plan/budgetBy.js';
import { progressRollup } from '../plan/progress/rollup.js';
import type { SimulationYear } from '../simulation/records.js';
import { budgetSpec } from './budget.js';
import { chartSet, chartSpec } from './chartSet.js';
import { gapBarsSpec } from './gapBars.js';
import { gapWaterfallSpec } from './gapWaterfallSpec.js';
import { monteCarloFanSpec } from './monteCarloFan.js';
import { planStatusSpec } from './planStatus.js';
import { scenarioPathsSpec } from './scenarioPaths.js';
import { rankPositionSpec } from './rankPositionSpec.js';
import { chartContext, gapWaterfall, rankPosition } from './records.js';
import { sourceHeatmapSpec } from './sourceHeatmap.js';
import { sourceTrendsSpec } from './sourceTrends.js';
import { checkSpec, expectRejections, rows } from './specChecks.test-data.js';
import { workstreamMatrixSpec } from './workstreamMatrix.js';

// The less travelled roads of each builder: no country or workstream names, a source that feeds no
// workstream or three, a source above the needed mean, B.E. years, no title. Every variant must
// still validate and draw without warnings.
const COUNTRY_EN_ONLY = { name: { en: 'Thailand' } };

async function drawsCleanly(spec: Parameters<typeof checkSpec>[0]): Promise<string> {
  const { svg, schemaErrors, warnings } = await checkSpec(spec);
  expect(schemaErrors).toEqual([]);
  expect(warnings).toEqual([]);
  return svg;
}

/** 2022 gaps where PERC feeds no workstream and BTI feeds three. */
function regrouped(target = 51): SourceGap[] {
  return sourceGaps(thailand, { year: 2022, target }).map((g) => (g.source === 'PERC' ? { ...g, workstreams: [] } : g.source === 'BTI' ? { ...g, workstreams: [1, 2, 4] } : g));
}

describe('gap bars and waterfall with a source in no workstream and one in three', () => {
  it('gap bars: a grey "No workstream" entry, labelled in Thai', async () => {
    const spec = gapBarsSpec(regrouped(), { locale: 'th', title: false, scheme: 'set2' });
    expect(rows<{ workstream: string }>(spec).filter((r) => r.workstream === 'ไม่อยู่ในแผนงานใด')).toHaveLength(1);
    expect(await drawsCleanly(spec)).toContain('ไม่อยู่ในแผนงานใด');
  });

  it('waterfall: an unassigned step for PERC, thirds for BTI, and a negative step when sources exceed the need', async () => {
    const w = gapWaterfall(regrouped(), cpiGap(thailand, { year: 2022 }));
    expect(w.steps.map((s) => s.kind)).toEqual(['start', 'workstream', 'workstream', 'workstream', 'workstream', 'unassigned', 'end']);
    expect(w.steps.find((s) => s.kind === 'unassigned')?.shares).toEqual([{ source: 'PERC', fraction: 1, points: 50.5 - (thailand.scores.find((s) => s.year === 2022 && s.source === 'PERC')?.value ?? NaN) }]);
    const svg = await drawsCleanly(gapWaterfallSpec(w, { era: 'be' }));
    expect(svg).toContain('BTI ×0.33');
    expect(svg).toContain('No workstream');
    // Target 30: the needed mean 29.5 is below the mean 36, so the steps go down.
    const down = gapWaterfall(sourceGaps(thailand, { year: 2022, target: 30 }), cpiGap(thailand, { year: 2022, target: 30 }));
    expect(await drawsCleanly(gapWaterfallSpec(down, { locale: 'th', title: 'ลดลง' }))).toContain('−');
  });

  it('waterfall: rejects gaps and a cpi that do not match', () => {
    const gaps = sourceGaps(thailand, { year: 2022 });
    expectRejections([
      [() => gapWaterfall([], cpiGap(thailand, { year: 2022 })), /gapWaterfall: gaps: expected at least one/],
      [() => gapWaterfall(gaps, cpiGap(thailand, { year: 2021 })), /gapWaterfall: gaps\[0\]\.year/],
      [() => gapWaterfall(gaps.slice(1), cpiGap(thailand, { year: 2022 })), /gapWaterfall: gaps: expected one gap per source/],
    ]);
  });
});

describe('the other builders without a country, in B.E. years, with a title or none', () => {
  it('source trends: scores alone (no CPI, no band, no targets)', async () => {
    const spec = sourceTrendsSpec({ scores: thailand.scores.filter((s) => s.year <= 2019) }, { title: 'Sources only' });
    const svg = await drawsCleanly(spec);
    expect(svg).toContain('Sources only');
    expect(JSON.stringify(spec)).not.toContain('"type":"area"');
  });

  it('source trends: a CPI without TI uncertainty draws no band', async () => {
    const cpi = thailand.cpi.map((c) => ({ year: c.year, score: c.score, origin: c.origin }));
    const spec = sourceTrendsSpec({ scores: thailand.scores, cpi }, { locale: 'th', country: COUNTRY_EN_ONLY });
    expect(JSON.stringify(spec)).not.toContain('"type":"area"');
    expect(await drawsCleanly(spec)).toContain('Thailand: ดัชนีการรับรู้การทุจริต');
  });

  it('heatmap, matrix and rank position in Thai with no title and no country', async () => {
    await drawsCleanly(sourceHeatmapSpec(thailand.scores, { locale: 'th', era: 'be', title: false }));
    const matrix = workstreamMatrixSpec(workstreamGaps(thailand, { year: 2025 }), { locale: 'th', title: false });
    expect(rows<{ label: string }>(matrix).some((r) => /\.\d\*?$/.test(r.label))).toBe(true); // 2025 gaps are unrounded
    await drawsCleanly(matrix);
    const rank = rankPositionSpec(rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36 }), { locale: 'th', title: false });
    expect(await drawsCleanly(rank)).toContain('ประเทศ 36 คะแนน: อันดับ 3');
  });

  it('rankPosition keeps a given origin; the rank chart names it in the provenance', () => {
    const origin = { kind: 'ti', edition: 2022, file: 'CPI2022_Results.csv' } as const;
    const p = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36, origin });
    expect(p.origin).toEqual(origin);
    expect(JSON.stringify(rankPositionSpec(p).usermeta)).toContain('"tiEditions":[2022]');
  });

  it('Monte Carlo fan: the default target is 51', () => {
    const year: SimulationYear = { year: 2026, histogram: [], mean: 33, sd: 1, quantiles: { q05: 31, q25: 32, q50: 33, q75: 34, q95: 35 }, median: 33, pTarget: 0, pTargetSe: 0, ranks: [] };
    expect(JSON.stringify(monteCarloFanSpec([year] as never))).toContain('the chance of a score of 51 or more');
  });

  it('builders reject empty input and mixed targets, naming the field', () => {
    const gaps = sourceGaps(thailand, { year: 2022 });
    expectRejections([
      [() => sourceTrendsSpec({ scores: [] }), /sourceTrendsSpec: input\.scores/],
      [() => sourceHeatmapSpec([]), /sourceHeatmapSpec: scores/],
      [() => gapBarsSpec([]), /gapBarsSpec: gaps: expected at least one record/],
      [() => gapBarsSpec([...gaps, ...sourceGaps(thailand, { year: 2022, target: 57 })]), /gapBarsSpec: gaps\[9\]\.target/],
      [() => workstreamMatrixSpec([]), /workstreamMatrixSpec: workstreams/],
    ]);
  });
});

describe('chartSet', () => {
  it('passes width and height on, and takes the target ranks from the dataset when not given', () => {
    const set = chartSet(thailand, { year: 2022, width: 500, height: 300, distribution: { scores: [90, 50, 36, 36, 20] } });
    const gapBars = set.find((c) => c.id === 'gap-bars')?.spec as { width: number; height: number };
    expect([gapBars.width, gapBars.height]).toEqual([500, 300]);
    // Thailand's targets name ranks 53 (FY2023 plan) and 43 (master plan): with five countries both are
    // beyond the last rank, so each needs the lowest score that is still ranked: 20.
    const rank = set.find((c) => c.id === 'rank-position')?.spec;
    const ranks = [...new Set(thailand.targets.flatMap((t) => (t.rank === undefined ? [] : [t.rank])))];
    expect((rank?.usermeta as { cpiGap: { targets: { rank: number }[] } }).cpiGap.targets.map((t) => t.rank)).toEqual(ranks);
  });

  it('draws no rank chart for a year without a published CPI, and no matrix for a dataset without workstreams', () => {
    const ids = chartSet(example(false), { distribution: { scores: [50, 41, 30] } }).map((c) => c.id);
    expect(ids).toEqual(['source-trends', 'gap-bars', 'source-heatmap', 'gap-waterfall']);
    expect(chartSet(example(true)).map((c) => c.id)).toContain('workstream-matrix');
  });

  it('chartSpec draws one chart of the set, the same spec, and says why when the data cannot draw it', () => {
    const options = { year: 2022, locale: 'th', era: 'be' } as const;
    const set = chartSet(thailand, options);
    for (const { id, spec } of set) expect(chartSpec(thailand, id, options)).toEqual(spec);
    expect(() => chartSpec(example(false), 'workstream-matrix')).toThrow(/chartSpec: id: cannot draw workstream-matrix: the dataset has no workstreams/);
    expect(() => chartSpec(thailand, 'rank-position')).toThrow(/cannot draw rank-position: it needs every country's score of the year \(options.distribution\)/);
    expect(() => chartSpec(example(false), 'rank-position', { distribution: { scores: [50, 41, 30] } })).toThrow(/cannot draw rank-position: the dataset has no published CPI score for/);
    expect(() => chartSpec(thailand, 'fan' as never)).toThrow(/chartSpec: id: /);
  });
});

describe('a user dataset with a published CPI without TI uncertainty, and targets with and without a rank', () => {
  const origin = { kind: 'user', note: 'example' } as const;
  const target = (id: string, score: number, rank?: number) => ({ id, plan: { en: id }, year: 2025, score, ...(rank === undefined ? {} : { rank }), combinator: 'and' as const, statements: [], origin });
  const ds = createDataset({
    country: { iso3: 'XXX', name: { en: 'Example' } },
    sources: [{ id: 'WEF', name: { en: 'WEF' } }, { id: 'GI', name: { en: 'GI' } }, { id: 'PRS', name: { en: 'PRS' } }],
    scores: ['WEF', 'GI', 'PRS'].map((source, i) => ({ source, year: 2024, value: 40 + i, origin: { kind: 'user', note: `score ${source}` } as const })),
    cpi: [{ year: 2024, score: 41, origin: { kind: 'user', note: 'published' } }],
    targets: [target('score only', 50), target('with rank', 55, 3)],
  } as never);

  it('takes the origin of a CPI entry with no TI block once, and the rank targets only from targets that set one', () => {
    const origins = chartContext(ds, { year: 2024 }).origins;
    // Three scores and the CPI entry itself: nothing from a TI block.
    expect(origins).toHaveLength(4);
    expect(origins.at(-1)).toEqual({ kind: 'user', note: 'published' });
    const rank = chartSet(ds, { year: 2024, distribution: { scores: [60, 50, 41, 30] } }).find((c) => c.id === 'rank-position');
    expect((rank?.spec.usermeta as { cpiGap: { targets: { rank: number }[] } }).cpiGap.targets.map((t) => t.rank)).toEqual([3]);
  });

  it('a chart with no explanation lines and no origins has a title without subtitle (the heatmap has no explanation)', () => {
    // A caller may leave out the origins (HeatmapScore makes origin optional).
    const bare = sourceHeatmapSpec(ds.scores.map(({ source, year, value }) => ({ source, year, value })), { ...chartContext(ds), origins: [] });
    expect(bare.title).toEqual({ text: expect.any(String) as string });
    expect(sourceHeatmapSpec(ds.scores, chartContext(ds)).title).toHaveProperty('subtitle');
  });
});

/** A small user dataset: three sources scored in 2024, no published CPI, one workstream or none. */
function example(withWorkstream: boolean) {
  const origin = { kind: 'user', note: 'example' } as const;
  return createDataset({
    country: { iso3: 'XXX', name: { en: 'Example' } },
    sources: [{ id: 'WEF', name: { en: 'WEF' } }, { id: 'GI', name: { en: 'GI' } }, { id: 'PRS', name: { en: 'PRS' } }],
    ...(withWorkstream ? { workstreams: [{ number: 1, name: { en: 'One' }, sources: ['WEF'], origin }] } : {}),
    scores: ['WEF', 'GI', 'PRS'].map((source, i) => ({ source, year: 2024, value: 40 + i, origin })),
  } as never);
}

describe('budget rows by approach and by workstream', () => {
  it('labels approaches and workstreams in both languages', async () => {
    const en = rows<{ row: string }>(budgetSpec(budgetByApproach({ workstream: 1 })));
    expect(en[0]?.row).toBe('WS1 approach 1');
    const th = budgetSpec(budgetByApproach({ workstream: 1 }), { locale: 'th', amount: 'printed' });
    expect(rows<{ row: string }>(th)[0]?.row).toMatch(/^แผนงาน 1 แนวทางการพัฒนา 1 \S/);
    await drawsCleanly(th);
    const ws = budgetSpec(budgetByWorkstream(), { locale: 'th' });
    expect(rows<{ row: string }>(ws)[0]?.row).toBe('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(JSON.stringify(ws.title)).toContain('งบประมาณของแผนปฏิบัติการจำแนกตามแผนงาน (ล้านบาท นับโครงการซ้ำครั้งเดียว)');
  });

  it('a mixed list gets the plain title, and a row with neither English name nor key pattern uses its Thai name', () => {
    const base = { name: 'สำนักงาน ป.ป.ท.', projects: 2, projectsDeduplicated: 2, withoutBudget: 0, printed: 2e6, deduplicated: 2e6 };
    const spec = budgetSpec([{ ...base, key: 'x' }, budgetByWorkstream()[0]!], { amount: 'printed' });
    expect(rows<{ row: string }>(spec)[0]?.row).toBe('สำนักงาน ป.ป.ท.');
    expect(JSON.stringify(spec.title)).toContain('"Budget of the action plan (million baht, as printed)"');
  });
});

describe('chartContext', () => {
  it('copies names without a Thai one as English only', () => {
    const c = chartContext(example(true));
    expect(c.country.name).toEqual({ en: 'Example' });
    expect(c.workstreams).toEqual([{ number: 1, name: { en: 'One' } }]);
  });
});

describe('titles with and without a country, in both languages', () => {
  const fanYear: SimulationYear = { year: 2026, histogram: [], mean: 33, sd: 1, quantiles: { q05: 31, q25: 32, q50: 33, q75: 34, q95: 35 }, median: 33, pTarget: 0, pTargetSe: 0, ranks: [] };
  const none = { name: 'No change', years: [{ year: 2025, mean: 33.1, score: 33, standardError: 1, lower: 31.4, upper: 34.6 }] };
  const builders = {
    heatmap: (o: object) => sourceHeatmapSpec(thailand.scores, o),
    trends: (o: object) => sourceTrendsSpec(thailand, o),
    fan: (o: object) => monteCarloFanSpec([fanYear], o),
    scenarios: (o: object) => scenarioPathsSpec([none], { ...o, band: false }),
  };
  it.each(['en', 'th'] as const)('%s: the country leads the title when given, and only then', (locale) => {
    const names = { en: 'Thailand', th: 'ประเทศไทย' };
    for (const [name, build] of Object.entries(builders)) {
      const title = (o: object) => (build(o).title as { text: string }).text;
      expect(title({ locale, country: thailand.country }), name).toMatch(new RegExp(`^${names[locale]}: `));
      expect(title({ locale }), name).not.toContain(names[locale]);
    }
    expect(JSON.stringify(builders.scenarios({ locale }).title)).not.toContain(locale === 'th' ? 'แถบ' : 'Bands');
  });
});

describe('plan status by other groupings', () => {
  it.each(['en', 'th'] as const)('labels agencies by their %s name where the roll-up has one', (locale) => {
    const rollup = progressRollup([], { asOf: '2023-03-31', by: 'agency' });
    const groups = rows<{ group: string }>(planStatusSpec(rollup, { locale })).map((r) => r.group);
    const expected = rollup.groups.map((g) => (locale === 'en' ? (g.nameEn ?? g.name) : g.name));
    expect(new Set(groups)).toEqual(new Set(expected));
    expect(rollup.groups.some((g) => g.nameEn !== undefined && g.nameEn !== g.name)).toBe(true);
  });
});

describe('records with more fields than the builders read', () => {
  it('keeps extra fields (even a NaN or a Symbol where no one reads them) out of the specs', async () => {
    const { rankPositionSpec, monteCarloFanSpec, sourceHeatmapSpec } = await import('./index.js');
    const position = { year: 2022, countries: 3, distribution: [{ score: 36, count: 2, extra: Number.NaN }, { score: 60, count: 1 }], score: 36, rank: 2, targets: [], origin: null };
    expect(JSON.stringify(rankPositionSpec(position)).includes('extra')).toBe(false);
    const year = { year: 2026, quantiles: { q05: 30, q25: 32, q50: 33, q75: 34, q95: 36, q99: Number.NaN }, median: 33, pTarget: 0 };
    expect(JSON.stringify(monteCarloFanSpec([year] as never)).includes('q99')).toBe(false);
    expect(() => sourceHeatmapSpec([{ source: 'IMD', year: 2022, value: 43, origin: { kind: 'seed', section: Symbol('x') as never } }])).toThrow(/sourceHeatmapSpec: scores\[0\]\.origin/);
  });
});
