import type { Loader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { renderFaces, SHIPPED_FONT_FAMILY } from './fonts.js';
import { renderModules, resvgModule } from './modules.js';
import { decomposeSaraAm } from './saraAm.js';
import { DataLoader, WarningHandler, drawSvg, fontWarnings, warningHandler } from './toSvg.js';

/**
 * Options of {@link toPng}.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec } from 'cpi-gap/charts';
 * import { PngOptions, toPng } from 'cpi-gap/render';
 *
 * // The shipped Sarabun draws the Thai; no system font is needed (or loaded, by default).
 * const options: PngOptions = { scale: 1, systemFonts: false };
 * const png = await toPng(gapBarsSpec(sourceGaps(thailand), { locale: 'th' }), options);
 * PngOptions.safeParse({ scale: 0 }).success; // => false
 * ```
 */
export const PngOptions = z.optional(z.strictObject({
  /** Zoom factor: 2 gives an image twice the spec's size in each direction. Default 2. */
  scale: z.optional(z.number().check(z.positive(), z.maximum(10))),
  /** Font files (TTF/OTF) to load besides the shipped Sarabun, for fonts the spec names. Default none. */
  fontFiles: z.optional(z.array(z.string().check(z.minLength(1)))),
  /**
   * Whether resvg may also use the system's fonts. Default `false`: the PNG is drawn with the shipped
   * Sarabun and `fontFiles` only, the same on every machine, with text measured by those fonts.
   */
  systemFonts: z.optional(z.boolean()),
  /** As in {@link toSvg}. */
  onWarning: z.optional(WarningHandler),
  /** As in {@link toSvg}: loads the data a spec names by URL; default none. */
  // Typed with vega's Loader as imported here, so the declarations name 'vega', a dependency.
  loader: z.optional(DataLoader) satisfies z.ZodMiniOptional<z.ZodMiniType<Loader>>,
}));
export type PngOptions = z.input<typeof PngOptions>;

/**
 * Draw a spec as a PNG: the SVG of {@link toSvg}, rasterised by resvg with the shipped Sarabun (Thai
 * and Latin, SIL Open Font License), any `fontFiles`, and the system fonts only if `systemFonts` is
 * set. Any family no loaded font has, and every generic family (`sans-serif`...), is drawn with
 * Sarabun. Thai SARA AM is written out as the shaper writes it (NIKHAHIT, then SARA AA) before resvg
 * shapes it, since resvg would otherwise draw the next letter over the SARA AA. A font that lacks
 * characters of the text, and a family no loaded font has, are reported to `onWarning`.
 *
 * @throws {CpiGapError} as {@link toSvg} does (a URL without a loader, a callback that fails), when the
 * PNG would pass {@link RENDER_LIMITS} (width x height x scale^2), or when an option is invalid or a
 * font file cannot be read.
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
  const warn = warningHandler('toPng', o.onWarning);
  const systemFonts = o.systemFonts ?? false;
  const [modules, { Resvg }] = await Promise.all([renderModules('toPng'), resvgModule('toPng')]);
  const faces = renderFaces(modules.opentype, 'toPng', o.fontFiles ?? []);
  const scale = o.scale ?? 2;
  const { svg, context } = await drawSvg('toPng', spec, { modules, faces, onWarning: warn.call, loader: o.loader, scale });
  for (const warning of fontWarnings(context, systemFonts)) warn.call(warning);
  await Promise.resolve();
  warn.check();
  const resvg = new Resvg(decomposeSaraAm(svg), {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: systemFonts,
      fontFiles: faces.map((f) => f.file),
      defaultFontFamily: SHIPPED_FONT_FAMILY,
      sansSerifFamily: SHIPPED_FONT_FAMILY,
      serifFamily: SHIPPED_FONT_FAMILY,
      monospaceFamily: SHIPPED_FONT_FAMILY,
      cursiveFamily: SHIPPED_FONT_FAMILY,
      fantasyFamily: SHIPPED_FONT_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
