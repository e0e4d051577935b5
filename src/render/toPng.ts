import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { parseInput } from '../errors.js';
import { WarningHandler, toSvg } from './toSvg.js';

/** Options of {@link toPng}. */
export const PngOptions = z
  .strictObject({
    /** Zoom factor: 2 gives an image twice the spec's size in each direction. Default 2. */
    scale: z.number().positive().max(10).optional(),
    /** Font files (TTF/OTF) to load besides the system fonts, e.g. a Thai font. Default none. */
    fontFiles: z.array(z.string().min(1)).optional(),
    /** Whether to load the system's fonts. Default `true`. */
    systemFonts: z.boolean().optional(),
    /** As in {@link toSvg}. */
    onWarning: WarningHandler.optional(),
  })
  .optional();
export type PngOptions = z.input<typeof PngOptions>;

/** The font resvg uses for a family none of the loaded fonts have: a Thai-capable one from fonts-thai-tlwg. */
const FALLBACK_FAMILY = 'Loma';

/**
 * Draw a spec as a PNG: {@link toSvg}, then rasterised by resvg with the system fonts (on Debian,
 * `fonts-thai-tlwg` gives Loma and Garuda, which draw Thai) and any `fontFiles`. Text whose fonts
 * are missing falls back to Loma, then to whatever font resvg finds.
 *
 * @throws {CpiGapError} as {@link toSvg} does, or when an option is invalid.
 * @example
 * writeFileSync('gaps.png', await toPng(gapBarsSpec(sourceGaps(thailand), { locale: 'th' })));
 */
export async function toPng(spec: TopLevelSpec, options?: PngOptions): Promise<Uint8Array> {
  const o = parseInput('toPng', PngOptions, options, ['options']) ?? {};
  const svg = await toSvg(spec, o.onWarning ? { onWarning: o.onWarning } : undefined);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: o.scale ?? 2 },
    font: {
      loadSystemFonts: o.systemFonts ?? true,
      fontFiles: o.fontFiles ?? [],
      defaultFontFamily: FALLBACK_FAMILY,
      sansSerifFamily: FALLBACK_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
