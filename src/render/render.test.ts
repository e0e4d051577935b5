import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it, vi } from 'vitest';
import { sourceGaps } from '../analysis/gaps.js';
import { gapBarsSpec } from '../charts/gapBars.js';
import { chartContext } from '../charts/records.js';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { toPng, toSvg } from './index.js';
import { collectingLogger } from './toSvg.js';

const THAI_FONT = '/usr/share/fonts/truetype/tlwg/Loma.ttf';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const thaiSpec = gapBarsSpec(sourceGaps(thailand, { year: 2022 }), { ...chartContext(thailand, { year: 2022 }), locale: 'th', era: 'be' });

describe('toSvg', () => {
  it('draws the Thai chart with its Thai text and the Thai-capable font list', async () => {
    const svg = await toSvg(thaiSpec, { onWarning: (m) => expect.fail(m) });
    expect(svg).toContain('แผนงานเรื่องที่ 1 การป้องกันการติดสินบน');
    expect(svg).toContain('Loma');
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

  it.skipIf(!existsSync(THAI_FONT))('draws Thai glyphs with a Thai font file (saved to tests/browser/__screenshots__/gap-bars.th.png to look at)', async () => {
    // With the Thai font, the Thai text draws as glyphs; with no font at all, nothing is drawn for it,
    // so the two images differ. (Boxes or blanks would come from a font without Thai.)
    const withThai = await toPng(thaiSpec, { scale: 1, systemFonts: false, fontFiles: [THAI_FONT], onWarning: () => undefined });
    const withoutFonts = await toPng(thaiSpec, { scale: 1, systemFonts: false, onWarning: () => undefined });
    expect(Buffer.from(withThai).equals(Buffer.from(withoutFonts))).toBe(false);
    const out = join(process.cwd(), 'tests', 'browser', '__screenshots__');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'gap-bars.th.png'), withThai);
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
  it('draws at scale 2 with the system fonts when given no options', async () => {
    const spec = { data: { values: [{ a: 1 }] }, mark: 'point', width: 50, height: 40, encoding: { x: { field: 'a', type: 'quantitative' } } } as const;
    const [png, svg] = await Promise.all([toPng(spec), toSvg(spec)]);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(png).width).toBe(2 * svgWidth);
  });
});
