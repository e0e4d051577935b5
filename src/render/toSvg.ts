import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { CpiGapError, parseInput } from '../errors.js';
import { embedFonts } from './embedFonts.js';
import { renderFaces, SHIPPED_FONT_FAMILY, type FontFace } from './fonts.js';
import { measureContext, withMeasuredText, type MeasureContext } from './textWidth.js';

/**
 * Called with every warning vega-lite or vega logs while compiling and drawing. Default: print it
 * with `console.warn`, prefixed `cpi-gap render:`.
 */
export const WarningHandler = z.custom<(message: string) => void>((v) => typeof v === 'function', 'expected a function');

/**
 * Options of {@link toSvg}.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec } from 'cpi-gap/charts';
 * import { toSvg, type RenderOptions } from 'cpi-gap/render';
 *
 * const warnings: string[] = [];
 * const options: RenderOptions = { embedFonts: true, onWarning: (message) => { warnings.push(message); } };
 * const svg = await toSvg(gapBarsSpec(sourceGaps(thailand), { locale: 'th' }), options);
 * svg.includes('@font-face{font-family:"Sarabun"'); // => true
 * warnings.length; // => 0
 * ```
 */
export const RenderOptions = z
  .strictObject({
    /** Embed the fonts that draw the text (`@font-face`, base64), so the SVG shows the same on any machine. Default `false`. */
    embedFonts: z.boolean().optional(),
    /** Font files (TTF/OTF) besides the shipped Sarabun, for fonts the spec names. Default none. */
    fontFiles: z.array(z.string().min(1)).optional(),
    /** Called with each warning (vega's, and fonts that lack characters of the text). Default `console.warn`. */
    onWarning: WarningHandler.optional(),
  })
  .optional();
export type RenderOptions = z.input<typeof RenderOptions>;

const WARN = 2;

/**
 * A vega / vega-lite logger that hands warnings to `onWarning` (while its level is warn or above)
 * and keeps errors in `errors`. Internal; exported for its tests.
 */
export function collectingLogger(onWarning: (message: string) => void, errors: string[]) {
  let level = WARN;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= WARN) onWarning(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** The warnings a render's fonts give: families none of the faces has, characters a face lacks. */
export function fontWarnings(context: MeasureContext, systemFonts: boolean): string[] {
  const families = [...new Set(context.faces.map((f) => f.family))].join(', ');
  const unknown = [...context.unknown].map((family) =>
    systemFonts
      ? `font "${family}" is not among the font files (${families}): resvg draws it from the system fonts if it finds it there, and the layout measured its text with ${SHIPPED_FONT_FAMILY}`
      : `font "${family}" is not among the loaded fonts (${families}): its text is drawn with ${SHIPPED_FONT_FAMILY}; pass its file in fontFiles`,
  );
  const missing = [...context.missing].map(([face, chars]) => {
    const list = [...chars].sort();
    const others = [...new Set(list.flatMap((c) => context.faces.filter((f) => f !== face && f.font.hasChar(c)).slice(0, 1).map((f) => f.family)))];
    const where = others.length > 0 ? `they are drawn with ${others.join(', ')}` : `no loaded font has them${systemFonts ? ' (resvg looks in the system fonts)' : ': they are drawn as boxes or not at all'}`;
    return `font "${face.family}" has no glyph for ${list.length} character${list.length === 1 ? '' : 's'} of the text (${list.slice(0, 40).join(' ')}${list.length > 40 ? ' ...' : ''}): ${where}`;
  });
  return [...unknown, ...missing];
}

/** The default warning handler: `console.warn` with a prefix. */
export function warningHandler(onWarning: ((message: string) => void) | undefined): (message: string) => void {
  return (
    onWarning ??
    ((message: string) => {
      console.warn(`cpi-gap render: ${message}`);
    })
  );
}

/**
 * Draw a spec as SVG with text measured by the faces given (the first family of each text's font list
 * that a face has, else the shipped font): the layout of the drawing those faces make.
 * @throws {CpiGapError} naming `fn` when the spec does not compile or vega reports an error while drawing.
 */
export async function drawSvg(fn: string, spec: TopLevelSpec, faces: readonly FontFace[], onWarning: (message: string) => void): Promise<{ svg: string; context: MeasureContext }> {
  const errors: string[] = [];
  const logger = collectingLogger(onWarning, errors);
  let runtime;
  try {
    // vega-lite compiles the spec; vega parses the result (an unknown expression function fails here).
    // vega tags the inline data objects it ingests with a symbol-keyed id: draw from a copy, never the caller's spec.
    runtime = parse(compile(structuredClone(spec), { logger }).spec);
  } catch (error) {
    throw new CpiGapError(fn, [{ path: ['spec'], message: `vega-lite cannot compile the spec: ${(error as Error).message}`, code: 'invalid_spec' }], { cause: error });
  }
  const context = measureContext(faces);
  const view = new View(runtime, { renderer: 'none', logger, logLevel: WARN });
  try {
    const svg = await withMeasuredText(context, () => view.toSVG());
    if (errors.length > 0) throw new Error(errors.join('; '));
    // Data vega cannot place (a string or null where a number belongs) comes out as NaN coordinates.
    if (/="[^"]*\bNaN\b/.test(svg)) throw new Error('the drawing has NaN coordinates: a field holds values the chart cannot place');
    return { svg, context };
  } catch (error) {
    throw new CpiGapError(fn, [{ path: ['spec'], message: `vega cannot draw the spec: ${(error as Error).message}`, code: 'render_error' }], { cause: error });
  } finally {
    view.finalize();
  }
}

/**
 * Compile a Vega-Lite spec with vega-lite and draw it as SVG with vega, headless. Text is measured
 * with the fonts that draw it (the shipped Sarabun, which heads the charts' font list, and any
 * `fontFiles`), so labels neither overlap nor leave blank margins. Fonts are named, not embedded,
 * unless `embedFonts` is set: then the SVG carries them and shows the same text in any browser (and
 * a font without glyphs for some of the text is reported to `onWarning`, as {@link toPng} does).
 *
 * @throws {CpiGapError} when the spec does not compile, vega reports an error while drawing, or a
 * font file cannot be read.
 * @example
 * ```ts
 * import { sourceGaps, thailand } from 'cpi-gap';
 * import { gapBarsSpec } from 'cpi-gap/charts';
 * import { toSvg } from 'cpi-gap/render';
 *
 * const svg = await toSvg(gapBarsSpec(sourceGaps(thailand), { locale: 'th' }));
 * svg.startsWith('<svg'); // => true
 * svg.includes('แหล่งข้อมูล'); // => true
 * ```
 */
export async function toSvg(spec: TopLevelSpec, options?: RenderOptions): Promise<string> {
  const o = parseInput('toSvg', RenderOptions, options, ['options']) ?? {};
  const onWarning = warningHandler(o.onWarning);
  const faces = renderFaces('toSvg', o.fontFiles ?? []);
  const { svg, context } = await drawSvg('toSvg', spec, faces, onWarning);
  if (o.embedFonts !== true) return svg;
  for (const warning of fontWarnings(context, false)) onWarning(warning);
  return embedFonts(svg, [...context.used]);
}
