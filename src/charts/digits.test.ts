import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { sourceGaps } from '../analysis/gaps.js';
import { thailand } from '../dataset/thailand.js';
import { withDigits } from './digits.js';
import { gapBarsSpec } from './gapBars.js';
import { wrapLabelExpr } from './textWrap.js';

describe('withDigits', () => {
  const spec = {
    title: { text: ['Target 51', 'in 2025'], subtitle: ['Source: CPI 2025'] },
    description: 'Gaps to 51, 2025',
    data: { values: [{ label: 'WS1 Bribery', colour: '#c0392b', score: 36.5 }] },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      x: { field: 'score', type: 'quantitative', title: 'Score (0-100)', axis: { format: '.1f' } },
      y: { field: 'label', type: 'nominal', sort: ['WS1 Bribery'], axis: { labelExpr: "datum.value == 'x1' ? 'y' : datum.label" } },
      color: { field: 'label', type: 'nominal', scale: { domain: ['WS1 Bribery'], range: ['#1f77b4'] }, legend: { values: ['WS1 Bribery'] } },
      tooltip: [{ field: 'score', type: 'quantitative', title: 'Score 2025', format: '.2f' }],
    },
    transform: [{ filter: 'datum.score > 10' }],
    usermeta: { cpiGap: { year: 2025, text: 'CPI 2025' } },
  };

  it("returns the spec itself with 'arabic'", () => {
    expect(withDigits(spec, 'arabic')).toBe(spec);
  });

  it("writes the texts, data labels and the names that match them in Thai digits, and nothing else, with 'thai'", () => {
    const before = structuredClone(spec);
    const out = withDigits(spec, 'thai');
    expect(spec).toEqual(before);
    expect(out.title).toEqual({ text: ['Target ๕๑', 'in ๒๐๒๕'], subtitle: ['Source: CPI ๒๐๒๕'] });
    expect(out.description).toBe('Gaps to ๕๑, ๒๐๒๕');
    // Every string of a data row converts but a colour.
    expect(out.data.values).toEqual([{ label: 'WS๑ Bribery', colour: '#c0392b', score: 36.5 }]);
    expect(out.encoding.y.sort).toEqual(['WS๑ Bribery']);
    expect(out.encoding.color.scale).toEqual({ domain: ['WS๑ Bribery'], range: ['#1f77b4'] });
    expect(out.encoding.color.legend.values).toEqual(['WS๑ Bribery']);
    expect(out.encoding.x).toEqual({ field: 'score', type: 'quantitative', title: 'Score (๐-๑๐๐)', axis: { format: '.1f' } });
    expect(out.encoding.tooltip).toEqual([{ field: 'score', type: 'quantitative', title: 'Score ๒๐๒๕', format: '.2f' }]);
    // Expressions other than the wrapped labels', marks, filters and the chart's record stay as they are.
    expect(out.encoding.y.axis.labelExpr).toBe(spec.encoding.y.axis.labelExpr);
    expect(out.mark).toEqual(spec.mark);
    expect(out.transform).toEqual(spec.transform);
    expect(out.usermeta).toEqual(spec.usermeta);
    expect((out as { config?: { locale?: { number?: { numerals?: string[] } } } }).config?.locale?.number?.numerals).toEqual(['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙']);
  });

  it("converts the labels of a wrapped-label expression and keeps its \\u escapes whole", () => {
    // A label with a control character: JSON writes it as \u0001, whose digits are not the label's.
    const label = `WS1 ${'long name '.repeat(8)}\u0001 2025`;
    const expr = wrapLabelExpr([label], 120, 11);
    if (expr === undefined) throw new Error('the label should wrap');
    const out = withDigits({ axis: { labelExpr: expr } }, 'thai').axis.labelExpr;
    const map = JSON.parse(out.slice(0, out.indexOf('[datum.label]'))) as Record<string, string[]>;
    const thaiLabel = label.replace('1', '๑').replace('2025', '๒๐๒๕');
    expect(Object.keys(map)).toEqual([thaiLabel]);
    expect(map[thaiLabel]?.join(' ')).toContain('\u0001 ๒๐๒๕');
  });
});

describe("the charts' digits option", () => {
  it("defaults to 'arabic' and is recorded in usermeta", () => {
    const gaps = sourceGaps(thailand, { year: 2025 });
    const meta = (s: ReturnType<typeof gapBarsSpec>) => (s.usermeta?.['cpiGap'] as { digits: string }).digits;
    expect(meta(gapBarsSpec(gaps))).toBe('arabic');
    expect(meta(gapBarsSpec(gaps, { digits: 'thai' }))).toBe('thai');
    expect(JSON.stringify(gapBarsSpec(gaps).config)).not.toContain('numerals');
  });

  it('rejects another value, naming the option', () => {
    const e = caught(() => gapBarsSpec(sourceGaps(thailand, { year: 2025 }), { digits: 'roman' as 'thai' }));
    expect(e.fn).toBe('gapBarsSpec');
    expect(e.issues[0]?.path).toEqual(['options', 'digits']);
    expect(e.issues[0]?.value).toBe('roman');
  });
});
