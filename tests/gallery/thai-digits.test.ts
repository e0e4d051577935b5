import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { galleryCharts, GALLERY_YEAR, type GalleryChart } from '../../scripts/gallery.js';
import { thailand } from '../../src/index.js';
import { toSvg } from '../../src/render/index.js';

/** The text of every <text> element of an SVG, its lines (tspans) joined, entities read. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&amp;/g, '&')
      .trim(),
  );
}

/** Every tooltip of a drawn chart as `title: value` lines, read from vega's scene graph (drawn headless). */
async function tooltips(spec: TopLevelSpec): Promise<string[]> {
  const view = new View(parse(compile(structuredClone(spec)).spec), { renderer: 'none' });
  await view.runAsync();
  const lines: string[] = [];
  const walk = (node: { items?: unknown[]; tooltip?: unknown } | null | undefined): void => {
    if (node === null || node === undefined) return;
    if (typeof node.tooltip === 'object' && node.tooltip !== null) lines.push(...Object.entries(node.tooltip).map(([k, v]) => `${k}: ${String(v)}`));
    else if (typeof node.tooltip === 'string' || typeof node.tooltip === 'number') lines.push(String(node.tooltip));
    for (const item of node.items ?? []) walk(item as typeof node);
  };
  walk((view.scenegraph() as unknown as { root: { items?: unknown[] } }).root);
  view.finalize();
  return lines;
}

/** ASCII digits as Thai digits, written here apart from the library's toThaiDigits. */
const thai = (text: string): string => text.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'.charAt(Number(d)));

describe("charts with digits: 'thai'", () => {
  let charts: GalleryChart[] = [];
  const svgs = new Map<string, string>();

  beforeAll(async () => {
    charts = await galleryCharts(undefined, 'thai');
    for (const c of charts) svgs.set(c.file, await toSvg(c.spec, { onWarning: (m) => expect.fail(`${c.file}: ${m}`) }));
  }, 120_000);

  it('show Thai digits and no ASCII digit in any text of any chart, Thai or English', () => {
    expect(charts.length).toBeGreaterThanOrEqual(22);
    for (const [file, svg] of svgs) {
      const all = texts(svg);
      expect(all.filter((t) => /[0-9]/.test(t)), file).toEqual([]);
      expect(all.join(' '), file).toMatch(/[๐-๙]/);
    }
  });

  it('write the heatmap`s years, the axis ticks and the title`s year in Thai digits', () => {
    const heatmap = texts(svgs.get('source-heatmap.th.svg') ?? '');
    const years = [...new Set(thailand.scores.map((s) => s.year))].sort((a, b) => a - b);
    // Each year of the dataset in the Buddhist Era (CE + 543), written in Thai digits, is an axis label.
    expect(heatmap).toEqual(expect.arrayContaining(years.map((y) => thai(String(y + 543)))));
    const bars = texts(svgs.get('gap-bars.en.svg') ?? '');
    expect(bars).toEqual(expect.arrayContaining(['๐', '๑๐', '๒๐']));
    expect(bars.join(' ')).toContain(thai(String(GALLERY_YEAR)));
  });

  it('write every tooltip in Thai digits', async () => {
    for (const c of charts.filter((x) => x.locale === 'th')) {
      const lines = await tooltips(c.spec);
      expect(lines.length, c.file).toBeGreaterThan(0);
      expect(lines.filter((l) => /[0-9]/.test(l)), c.file).toEqual([]);
      expect(lines.join(' '), c.file).toMatch(/[๐-๙]/);
    }
  }, 60_000);

  it('leave the default charts in Arabic digits: the same texts read in Arabic digits', async () => {
    const arabic = await galleryCharts();
    const file = 'gap-bars.th.svg';
    const spec = arabic.find((c) => c.file === file)?.spec;
    if (spec === undefined) throw new Error(`no ${file}`);
    const plain = texts(await toSvg(spec));
    expect(plain.join(' ')).toMatch(/[0-9]/);
    const back = (t: string) => t.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))).replace(/\s/g, '');
    expect(texts(svgs.get(file) ?? '').map(back).join('')).toBe(plain.map(back).join(''));
  });
});
