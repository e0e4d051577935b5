import { beforeAll, describe, expect, it } from 'vitest';
import { galleryCharts, type GalleryChart } from '../../scripts/gallery.js';
import { toPng, toSvg } from '../../src/render/index.js';
import { decodePng, inkColumns } from '../helpers/png.js';

/** The text of every <text> element of an SVG, its lines (tspans) joined. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').trim());
}

describe('the gallery`s labels, drawn by the package', () => {
  let charts: GalleryChart[] = [];
  const svgs = new Map<string, string>();

  beforeAll(async () => {
    charts = await galleryCharts();
    for (const c of charts) svgs.set(c.file, await toSvg(c.spec, { onWarning: (m) => expect.fail(`${c.file}: ${m}`) }));
  }, 120_000);

  it('cuts no label: no "…" in any chart, English or Thai', () => {
    expect(charts.length).toBeGreaterThanOrEqual(18);
    for (const [file, svg] of svgs) {
      const cut = texts(svg).filter((t) => t.includes('…'));
      expect(cut, file).toEqual([]);
    }
  });

  it('writes every workstream name of the seed whole, in Thai, in the Thai charts that name workstreams', () => {
    const ws2 = 'การตรวจสอบการใช้อำนาจและตำแหน่งหน้าที่ของเจ้าหน้าที่รัฐ';
    for (const file of ['gap-bars.th.svg', 'gap-waterfall.th.svg', 'workstream-matrix.th.svg', 'budget.th.svg']) {
      const all = texts(svgs.get(file) ?? '').join(' ').replace(/\s+/g, '');
      expect(all, file).toContain(ws2);
    }
  });

  it('names sources as the seed writes them, with no internal id, and writes Thai years in the Buddhist Era', () => {
    for (const [file, svg] of svgs) {
      if (!file.endsWith('.th.svg')) continue;
      const all = texts(svg);
      expect(all.join('\n'), file).not.toMatch(/\[(BTI|VDEM)\]|\bBTI\b|\bVDEM\b/);
      // Years 2010-2039 CE nowhere but in the name of TI's publication ("Corruption Perceptions Index 2025").
      const ce = all.filter((t) => !t.includes('Corruption Perceptions Index') && /\b20[123]\d\b/.test(t));
      expect(ce, file).toEqual([]);
    }
    expect(texts(svgs.get('gap-bars.th.svg') ?? '')).toEqual(expect.arrayContaining(['BF (TI)', 'V-DEM']));
  });

  it('leaves no blank margin on the right of the Thai source-trends PNG wider than the left one', async () => {
    const chart = charts.find((c) => c.file === 'source-trends.th.svg');
    if (chart === undefined) throw new Error('no Thai source-trends chart');
    const image = decodePng(await toPng(chart.spec, { scale: 1, systemFonts: false, onWarning: (m) => expect.fail(m) }));
    const { first, last } = inkColumns(image);
    const left = first;
    const right = image.width - 1 - last;
    // The chart's padding (12 px) on both sides; the legend is drawn inside the ink, so right <= left + 2 px says
    // the right margin is no wider than the left one plus the legend (issue 17: it was about 30% of the width).
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThanOrEqual(left + 2);
  });
});
