import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { parseInput } from '../errors.js';
import { WarningHandler, toSvg } from './toSvg.js';

/**
 * Options of {@link toPng}.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec } from 'cpi-gap/charts';
 * import { PngOptions, toPng } from 'cpi-gap/render';
 *
 * // On Debian, fonts-thai-tlwg puts Loma here; without the file resvg falls back to the system fonts.
 * const options: PngOptions = { scale: 1, fontFiles: ['/usr/share/fonts/truetype/tlwg/Loma.ttf'] };
 * const png = await toPng(gapBarsSpec(sourceGaps(thailand), { locale: 'th' }), options);
 * PngOptions.safeParse({ scale: 0 }).success; // => false
 * ```
 */
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
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec } from 'cpi-gap/charts';
 * import { toPng } from 'cpi-gap/render';
 *
 * const png = await toPng(gapBarsSpec(sourceGaps(thailand), { locale: 'th' }));
 * writeFileSync(join(tmpdir(), 'gaps.th.png'), png);
 * [...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''); // => 'PNG'
 * ```
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
