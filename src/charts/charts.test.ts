import { Ajv } from 'ajv';
import schema from 'vega-lite/vega-lite-schema.json' with { type: 'json' };
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { cpiGap, sourceGaps, workstreamGaps } from '../analysis/gaps.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { toSvg } from '../render/toSvg.js';
import { chartSet, gapBarsSpec, gapWaterfall, rankPosition, sourceTrendsSpec, type ChartEntry } from './index.js';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['uri', 'uri-reference', 'color-hex']) ajv.addFormat(format, true);
const validate = ajv.compile(schema);

// A made-up distribution of 20 countries' scores (not TI's): Thailand's 2022 score 36 sits among them.
const DISTRIBUTION = [88, 80, 74, 70, 66, 61, 57, 55, 52, 50, 47, 45, 41, 38, 36, 36, 33, 29, 24, 12];

function charts(locale: 'en' | 'th'): ChartEntry[] {
  return chartSet(thailand, { year: 2022, target: 51, locale, era: locale === 'th' ? 'be' : 'ce', distribution: { scores: DISTRIBUTION, targetRanks: [10, 5], origin: { kind: 'user', note: 'made-up distribution of 20 scores for tests' } } });
}

/** The spec without the library version, so that a release does not change the snapshots. */
function snapshotable(spec: TopLevelSpec): unknown {
  const copy = structuredClone(spec) as { usermeta?: { cpiGap?: { version?: string } } };
  if (copy.usermeta?.cpiGap) copy.usermeta.cpiGap.version = '<version>';
  return copy;
}

describe.each(['en', 'th'] as const)('every chart in %s', (locale) => {
  const entries = charts(locale);

  it('has the six charts', () => {
    expect(entries.map((c) => c.id)).toEqual(['source-trends', 'gap-bars', 'source-heatmap', 'workstream-matrix', 'gap-waterfall', 'rank-position']);
  });

  it.each(entries.map((c) => [c.id, c] as const))('%s validates against the vega-lite schema, compiles and renders without warnings', async (_id, c) => {
    const valid = validate(c.spec);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const warnings: string[] = [];
    const logger = { level: () => 2, error: (...a: unknown[]) => (warnings.push(String(a)), logger), warn: (...a: unknown[]) => (warnings.push(String(a)), logger), info: () => logger, debug: () => logger };
    expect(compile(c.spec, { logger: logger }).spec).toBeDefined();
    const svg = await toSvg(c.spec, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    if (locale === 'th') expect(svg).toMatch(/[\u0E00-\u0E7F]/);
    else expect(svg).not.toMatch(/[\u0E00-\u0E7F]{4}/);
    const meta = (c.spec as unknown as { usermeta: { cpiGap: { library: string; country: { iso3: string }; provenance: { seedSections: string[]; text: string } } } }).usermeta.cpiGap;
    expect(meta.library).toBe('cpi-gap');
    expect(meta.country.iso3).toBe('THA');
    expect(meta.provenance.text).not.toBe('');
    expect(JSON.stringify(c.spec.config)).toContain('Loma');
    expect(snapshotable(c.spec)).toMatchSnapshot();
  });
});

describe('Thai labels', () => {
  it('the Thai gap bars have Thai titles, axis titles and legend titles, and B.E. years', async () => {
    const svg = await toSvg(gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { locale: 'th', era: 'be' }), { onWarning: () => undefined });
    expect(svg).toContain('ช่องว่างของแต่ละแหล่งข้อมูลถึงค่าเป้าหมาย 51 คะแนน ปี 2565');
    expect(svg).toContain('ช่องว่างถึงค่าเป้าหมาย (คะแนน)');
    expect(svg).toContain('แผนงาน (แผนงานแรกที่ระบุ)');
  });

  it('the source trends label the B.E. axis and the targets', async () => {
    const svg = await toSvg(sourceTrendsSpec(thailand, { locale: 'th', era: 'be' }), { onWarning: () => undefined });
    expect(svg).toContain('ปี (พ.ศ.)');
    expect(svg).toContain('ค่าเป้าหมาย 51 คะแนน (2566)');
    expect(svg).toContain('2560');
  });
});

describe('options', () => {
  it('gapBarsSpec rejects an unknown locale, naming the option', () => {
    const call = () => gapBarsSpec(sourceGaps(thailand), { locale: 'fr' as 'en' });
    expect(call).toThrow(CpiGapError);
    expect(call).toThrow(/gapBarsSpec: options\.locale/);
  });

  it('gapBarsSpec rejects gaps of two years', () => {
    const mixed = [...sourceGaps(thailand, { year: 2021 }), ...sourceGaps(thailand, { year: 2022 })];
    expect(() => gapBarsSpec(mixed)).toThrow(/gapBarsSpec: gaps\[9\]\.year/);
  });

  it('width, height, title and scheme reach the spec; the input is not mutated', () => {
    const gaps = Object.freeze(sourceGaps(thailand, { year: 2022 }).map((g) => Object.freeze(g)));
    const spec = gapBarsSpec(gaps, { width: 300, height: 200, title: 'Gaps', scheme: 'set2' }) as unknown as Record<string, unknown>;
    expect(spec['width']).toBe(300);
    expect(spec['height']).toBe(200);
    expect(JSON.stringify(spec['title'])).toContain('"text":"Gaps"');
    expect(JSON.stringify(spec)).toContain('"scheme":"set2"');
  });

  it('title: false leaves the title out', () => {
    expect('title' in gapBarsSpec(sourceGaps(thailand), { title: false })).toBe(false);
  });
});

describe('gapWaterfall', () => {
  // Independent calculation from the dataset's 2022 scores and the seed's workstream table.
  const scores2022 = new Map(thailand.scores.filter((s) => s.year === 2022).map((s) => [s.source, s.value]));
  const feeds: Record<string, number[]> = { GI: [1], IMD: [1], PRS: [1, 2], WEF: [1, 3], BTI: [2, 4], EIU: [2, 3], WJP: [2], PERC: [4], VDEM: [4] };
  const w = gapWaterfall(sourceGaps(thailand, { year: 2022 }), cpiGap(thailand, { year: 2022 }));

  it('splits a shared source equally and the steps sum to the needed mean minus the mean', () => {
    const expected = [1, 2, 3, 4].map((ws) => {
      let sum = 0;
      for (const [id, list] of Object.entries(feeds)) if (list.includes(ws)) sum += (50.5 - (scores2022.get(id as never) ?? NaN)) / list.length;
      return sum / 9;
    });
    const steps = w.steps.filter((s) => s.kind === 'workstream');
    steps.forEach((s, i) => {
      expect(s.cpiPoints).toBeCloseTo(expected[i] ?? NaN, 12);
    });
    expect(steps.reduce((a, s) => a + s.points, 0)).toBeCloseTo(9 * 50.5 - 324, 9);
    expect(w.steps[0]?.to).toBe(36);
    expect(steps.at(-1)?.to).toBeCloseTo(50.5, 9);
    expect(w.steps.at(-1)).toMatchObject({ kind: 'end', to: 50.5 });
  });

  it('rejects gaps of another target', () => {
    expect(() => gapWaterfall(sourceGaps(thailand, { year: 2022, target: 57 }), cpiGap(thailand, { year: 2022 }))).toThrow(/gapWaterfall: gaps\[0\]\.target/);
  });
});

describe('rankPosition', () => {
  it('rank(score, scores) returns 1 + the number of higher scores, and the score each target rank needs', () => {
    const p = rankPosition([90, 50, 36, 36, 20], { year: 2022, score: 36, targetRanks: [2, 1] });
    expect(p.rank).toBe(3);
    expect(p.targets).toEqual([{ rank: 2, score: 50 }, { rank: 1, score: 90 }]);
    expect(p.distribution).toEqual([{ score: 20, count: 1 }, { score: 36, count: 2 }, { score: 50, count: 1 }, { score: 90, count: 1 }]);
  });

  it('rejects a score above 100', () => {
    expect(() => rankPosition([101], { year: 2022, score: 36 })).toThrow(/rankPosition: scores\[0\]/);
  });
});

describe('workstream matrix', () => {
  it('marks shared sources with *', () => {
    const spec = chartSet(thailand, { year: 2022 }).find((c) => c.id === 'workstream-matrix')?.spec;
    const values = (spec as { data: { values: { source: string; label: string; workstream: string }[] } }).data.values;
    expect(values).toHaveLength(workstreamGaps(thailand, { year: 2022 }).reduce((a, w) => a + w.sources.length, 0));
    expect(values.find((v) => v.source === 'PRS International Country Risk Guide')?.label).toMatch(/\*$/);
    expect(values.find((v) => v.source === 'Global Insight')?.label).not.toMatch(/\*$/);
  });
});
