import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it, vi } from 'vitest';
import { sourceGaps } from '../analysis/gaps.js';
import { gapBarsSpec } from '../charts/gapBars.js';
import { chartContext } from '../charts/records.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { shippedFontFiles, toPng, toSvg } from './index.js';
import { collectingLogger } from './toSvg.js';

const THAI_FONT = '/usr/share/fonts/truetype/tlwg/Loma.ttf';
/** A font without Thai glyphs (Debian's fonts-liberation, which .ci/run installs). */
const LATIN_FONT = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const thaiSpec = gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { ...chartContext(thailand, { year: 2022 }), locale: 'th', era: 'be' });

describe('toSvg', () => {
  it('draws the Thai chart with its Thai text and the Thai-capable font list, fonts named but not embedded', async () => {
    const svg = await toSvg(thaiSpec, { onWarning: (m) => expect.fail(m) });
    expect(svg).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(svg).toContain('Loma');
    expect(svg).not.toContain('@font-face');
  });

  it('embeds the fonts that draw the text when asked: Sarabun regular and bold, as base64 TTF', async () => {
    const svg = await toSvg(thaiSpec, { embedFonts: true, onWarning: (m) => expect.fail(m) });
    const faces = [...svg.matchAll(/@font-face\{font-family:"([^"]+)";font-weight:(\d+);font-style:(\w+);src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.map((f) => [f[1], f[2], f[3]]).sort()).toEqual([
      ['Sarabun', '400', 'normal'],
      ['Sarabun', '700', 'normal'],
    ]);
    const files = shippedFontFiles().map((f) => readFileSync(f).toString('base64'));
    expect(faces.map((f) => f[4]).sort()).toEqual([...files].sort());
    expect(svg.indexOf('<defs><style>@font-face')).toBe(svg.indexOf('>') + 1);
  });

  it('reports vega-lite warnings to onWarning', async () => {
    const warnings: string[] = [];
    await toSvg({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } }, { onWarning: (m) => warnings.push(m) });
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('throws a CpiGapError naming toSvg for a spec vega-lite cannot compile', async () => {
    await expect(toSvg({ mark: 'nonsense' } as never, { onWarning: () => undefined })).rejects.toThrow(CpiGapError);
    await expect(toSvg({ mark: 'nonsense' } as never, { onWarning: () => undefined })).rejects.toThrow(/^toSvg: spec/);
  });

  it('rejects unknown options', async () => {
    await expect(toSvg(thaiSpec, { colour: 'red' } as never)).rejects.toThrow(/toSvg: options/);
  });
});

describe('toPng', () => {
  it('rasterises at the requested scale', async () => {
    const png1 = await toPng(thaiSpec, { scale: 1, onWarning: () => undefined });
    const png2 = await toPng(thaiSpec, { scale: 2, onWarning: () => undefined });
    expect([...png1.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png2).width).toBe(pngSize(png1).width * 2);
  });

  it('draws Thai with the shipped font alone, without warnings (saved to tests/browser/__screenshots__/gap-bars.th.png to look at)', async () => {
    // tests/browser/thai-render.test.ts holds these pixels to Chromium's; here: the same image with or
    // without the system fonts, since the spec's first family is the shipped Sarabun.
    const bare = await toPng(thaiSpec, { scale: 1, systemFonts: false, onWarning: (m) => expect.fail(m) });
    const withSystem = await toPng(thaiSpec, { scale: 1, systemFonts: true, onWarning: (m) => expect.fail(m) });
    expect(Buffer.from(bare).equals(Buffer.from(withSystem))).toBe(true);
    const out = join(process.cwd(), 'tests', 'browser', '__screenshots__');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'gap-bars.th.png'), bare);
  });

  it.skipIf(!existsSync(THAI_FONT))('draws with a font file the spec names (Loma), which changes the image', async () => {
    const loma = { ...thaiSpec, config: { ...thaiSpec.config, font: 'Loma' } } as TopLevelSpec;
    const withLoma = await toPng(loma, { scale: 1, fontFiles: [THAI_FONT], onWarning: (m) => expect.fail(m) });
    const sarabun = await toPng(thaiSpec, { scale: 1, onWarning: (m) => expect.fail(m) });
    expect(Buffer.from(withLoma).equals(Buffer.from(sarabun))).toBe(false);
  });

  it.skipIf(!existsSync(LATIN_FONT))('warns, naming the font and the characters, when the font the spec picks has no Thai glyphs', async () => {
    const latin = { ...thaiSpec, config: { ...thaiSpec.config, font: 'Liberation Sans' } } as TopLevelSpec;
    const warnings: string[] = [];
    await toPng(latin, { scale: 1, fontFiles: [LATIN_FONT], onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^font "Liberation Sans" has no glyph for \d+ characters of the text \(.*ก.*\): they are drawn with Sarabun$/);
    for (const c of 'ผนงา') expect(warnings[0]).toContain(c);
  });

  it('warns about characters no loaded font has, and about a family no font file gives', async () => {
    const spec = { data: { values: [{ a: 1, b: 'ราคา 中文' }] }, mark: 'bar', config: { font: 'No Such Font, sans-serif' }, encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'nominal' } } } as const;
    const warnings: string[] = [];
    await toPng(spec, { scale: 1, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      'font "No Such Font" is not among the loaded fonts (Sarabun): its text is drawn with Sarabun; pass its file in fontFiles',
      'font "Sarabun" has no glyph for 2 characters of the text (中 文): no loaded font has them: they are drawn as boxes or not at all',
    ]);
    const withSystem: string[] = [];
    await toPng(spec, { scale: 1, systemFonts: true, onWarning: (m) => withSystem.push(m) });
    expect(withSystem).toEqual([
      'font "No Such Font" is not among the font files (Sarabun): resvg draws it from the system fonts if it finds it there, and the layout measured its text with Sarabun',
      'font "Sarabun" has no glyph for 2 characters of the text (中 文): no loaded font has them (resvg looks in the system fonts)',
    ]);
  });

  it('throws a CpiGapError naming toPng and options.fontFiles[i] for a file that is not a font', async () => {
    await expect(toPng(thaiSpec, { fontFiles: ['/no/such/font.ttf'] })).rejects.toThrow(/^toPng: options\.fontFiles\[0\]: cannot read the font file: .*ENOENT/);
    await expect(toSvg(thaiSpec, { fontFiles: [join(process.cwd(), 'package.json')] })).rejects.toThrow(/^toSvg: options\.fontFiles\[0\]: cannot read the font file/);
  });
});

describe('the logger toSvg gives vega and vega-lite', () => {
  it('hands warnings on at level warn and above only, keeps errors as text, and ignores info and debug', () => {
    const warnings: string[] = [];
    const errors: string[] = [];
    const logger = collectingLogger((m) => warnings.push(m), errors);
    expect(logger.level()).toBe(2);
    logger.warn('first', { a: 1 });
    logger.error(new Error('broken'), 'spec');
    expect(logger.info()).toBe(logger);
    expect(logger.debug()).toBe(logger);
    expect(logger.level(1)).toBe(logger);
    logger.warn('quiet');
    expect(warnings).toEqual(['first {"a":1}']);
    expect(errors).toEqual(['broken spec']);
  });

  it('prints warnings with console.warn when no onWarning is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await toSvg({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } });
    expect(warn.mock.calls.some((c) => String(c[0]).startsWith('cpi-gap render: '))).toBe(true);
    warn.mockRestore();
  });

  it('throws a CpiGapError naming toSvg when vega fails to parse or to draw the compiled spec', async () => {
    const unknownFunction = { data: { values: [{ a: 1 }] }, transform: [{ calculate: 'nosuchfn(datum.a)', as: 'b' }], mark: 'point', encoding: { x: { field: 'b', type: 'quantitative' } } } satisfies TopLevelSpec;
    await expect(toSvg(unknownFunction, { onWarning: () => undefined })).rejects.toThrow(/^toSvg: spec: vega-lite cannot compile the spec: Unrecognized function: nosuchfn/);
    const badAccess = { data: { values: [{ a: 1 }] }, transform: [{ calculate: 'datum.a.b.c', as: 'b' }], mark: 'point', encoding: { x: { field: 'b', type: 'quantitative' } } } satisfies TopLevelSpec;
    await expect(toSvg(badAccess, { onWarning: () => undefined })).rejects.toThrow(/^toSvg: spec: vega cannot draw the spec: .*reading 'c'/);
  });
});

describe('toPng defaults', () => {
  it('draws at scale 2 when given no options', async () => {
    const spec = { data: { values: [{ a: 1 }] }, mark: 'point', width: 50, height: 40, encoding: { x: { field: 'a', type: 'quantitative' } } } as const;
    const [png, svg] = await Promise.all([toPng(spec), toSvg(spec)]);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(png).width).toBe(2 * svgWidth);
  });
});
