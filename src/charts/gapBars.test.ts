import { describe, expect, it } from 'vitest';
import { sourceGaps } from '../analysis/gaps.js';
import { thailand } from '../dataset/thailand.js';
import { gapBarsSpec } from './gapBars.js';
import { chartContext } from './records.js';

interface ColourEncoding {
  scale: { domain: string[] };
  legend: { values: string[]; labelExpr?: string };
}
const colour = (spec: ReturnType<typeof gapBarsSpec>) => (spec as unknown as { layer: { encoding: { color: ColourEncoding } }[] }).layer[0]!.encoding.color;

describe('gapBarsSpec legend and workstream names', () => {
  const gaps = sourceGaps(thailand, { year: 2025 });

  it('shows in the legend only the colours the bars have: each source takes its first workstream, and no source has WS3 first', () => {
    // The seed's mapping: WS1 GI, IMD, PRS, WEF; WS2 BF (TI), EIU, PRS, WJP; WS3 EIU, WEF; WS4 BF (TI), PERC, V-DEM.
    // First workstreams: GI, IMD, PRS, WEF -> 1; BF (TI), EIU, WJP -> 2; PERC, V-DEM -> 4.
    const c = colour(gapBarsSpec(gaps, { ...chartContext(thailand, { year: 2025 }), locale: 'en' }));
    expect(c.legend.values).toEqual(['WS1 Bribery prevention', "WS2 Scrutiny of state officials' use of power and position", 'WS4 Effectiveness in solving corruption']);
    // The scale keeps all four, so WS4 has the colour it has in the other charts.
    expect(c.scale.domain).toHaveLength(4);
  });

  it('names the plan`s workstreams without chartContext, as the seed writes them', () => {
    const th = colour(gapBarsSpec(gaps, { locale: 'th' }));
    expect(th.legend.values).toEqual(['แผนงานเรื่องที่ 1 การป้องกันการติดสินบน', 'แผนงานเรื่องที่ 2 การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ', 'แผนงานเรื่องที่ 4 ประสิทธิภาพในการแก้ไขปัญหาการทุจริต']);
    expect(colour(gapBarsSpec(gaps)).legend.values[0]).toBe('WS1 Bribery prevention');
  });

  it('numbers the workstreams of records that map sources otherwise (another plan), and wraps long names in the legend', () => {
    const other = gaps.map((g) => ({ ...g, workstreams: g.source === 'IMD' ? [2] : g.workstreams }));
    expect(colour(gapBarsSpec(other, { locale: 'th' })).legend.values).toEqual(['แผนงานเรื่องที่ 1', 'แผนงานเรื่องที่ 2', 'แผนงานเรื่องที่ 4']);
    const narrow = colour(gapBarsSpec(gaps, { locale: 'th', width: 200 }));
    expect(narrow.legend.labelExpr).toMatch(/^\{"แผนงานเรื่องที่ 2 การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ":\["แผนงานเรื่องที่ 2/);
  });
});
