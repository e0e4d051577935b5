import type { Loader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod/mini';
import { CpiGapError, parseInput } from '../errors.js';
import { guardCallback } from '../util/callbacks.js';
import { embedFonts } from './embedFonts.js';
import { renderFaces, SHIPPED_FONT_FAMILY, type FontFace } from './fonts.js';
import { renderModules, type RenderModules } from './modules.js';
import { measureContext, withMeasuredText, type MeasureContext } from './textWidth.js';

/**
 * Called with every warning vega-lite or vega logs while compiling and drawing. Default: print it
 * with `console.warn`, prefixed `cpi-gap render:`.
 */
export const WarningHandler = z.custom<(message: string) => unknown>((v: unknown) => typeof v === 'function', 'expected a function');

/**
 * A vega loader (`vega.loader()` or one of its shape: `load` and `sanitize` functions) that
 * {@link toSvg} and `toPng` may use to load the data a spec names by URL (`data.url`) and its
 * images. Without one, nothing is loaded: no file is read, no request made.
 *
 * @example
 * import { loader } from 'vega';
 * import { DataLoader } from 'cpi-gap/render';
 * DataLoader.safeParse(loader({ baseURL: 'https://example.org/data/' })).success; // => true
 * DataLoader.safeParse({ load: 1 }).success; // => false
 */
export const DataLoader = z.custom<Loader>((v: unknown) => typeof v === 'object' && v !== null && typeof (v as Partial<Loader>).load === 'function' && typeof (v as Partial<Loader>).sanitize === 'function', 'expected a vega loader (vega.loader()): an object with load and sanitize functions');

/**
 * The largest drawing the renderers make: `width x height` pixels of the SVG, times `scale^2` for a
 * PNG. Past it, a CpiGapError says so before anything is rasterised (4000 x 4000 at scale 10 would
 * take some 15 GB).
 *
 * @example
 * ```ts
 * import { RENDER_LIMITS } from 'cpi-gap/render';
 *
 * RENDER_LIMITS.pixels; // => 100000000
 * ```
 */
export const RENDER_LIMITS = Object.freeze({ pixels: 100_000_000 });

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
export const RenderOptions = z.optional(z.strictObject({
  /** Embed the fonts that draw the text (`@font-face`, base64), so the SVG shows the same on any machine. Default `false`. */
  embedFonts: z.optional(z.boolean()),
  /** Font files (TTF/OTF) besides the shipped Sarabun, for fonts the spec names. Default none. */
  fontFiles: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Called with each warning (vega's, and fonts that lack characters of the text). Default `console.warn`. */
  onWarning: z.optional(WarningHandler),
  /** Loads the data and images a spec names by URL. Default: none, so a spec's `data.url` is refused. */
  loader: z.optional(DataLoader),
}));
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

/**
 * The warning handler of a render, guarded: `onWarning` (default `console.warn` with a prefix) may
 * throw or return a promise that rejects; `check()` then reports it as a CpiGapError of `fn`.
 */
export function warningHandler(fn: string, onWarning: ((message: string) => unknown) | undefined) {
  return guardCallback<[string]>(fn, ['options', 'onWarning'], onWarning ?? ((message: string) => {
    console.warn(`cpi-gap render: ${message}`);
  }));
}

/** A vega loader that loads nothing: each URL a spec asks for is noted in `refused`, and the load fails. */
function refusingLoader(refused: string[]): Loader {
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`cpi-gap loads no data by URL without options.loader (asked for ${JSON.stringify(uri)})`));
  };
  const loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse, fileAccess: false, baseURL: '' };
  return loader;
}

/** How {@link drawSvg} draws: the faces that measure text, where warnings go, the loader, and the PNG scale. */
export interface DrawOptions {
  /** vega, vega-lite and opentype.js, loaded by {@link renderModules}. */
  readonly modules: RenderModules;
  readonly faces: readonly FontFace[];
  readonly onWarning: (message: string) => void;
  readonly loader?: Loader | undefined;
  /** The zoom of the PNG this SVG becomes (1 for an SVG): the size bound is width x height x scale^2. */
  readonly scale: number;
}

/** Refuse a drawing past {@link RENDER_LIMITS}: the SVG's width x height, times scale^2. */
function checkSize(fn: string, svg: string, scale: number): void {
  const head = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg.slice(0, 2000));
  const pixels = Number(head?.[1] ?? 0) * Number(head?.[2] ?? 0) * scale * scale;
  if (pixels > RENDER_LIMITS.pixels) {
    const size = `${head?.[1] ?? '?'} x ${head?.[2] ?? '?'}${scale === 1 ? '' : ` at scale ${scale}`}`;
    throw new CpiGapError(fn, [{ path: scale === 1 ? ['spec'] : ['options', 'scale'], message: `the drawing would be ${size}, ${Math.round(pixels / 1e6)} million pixels; at most ${RENDER_LIMITS.pixels / 1e6} million are drawn (make the chart or the scale smaller)`, value: scale === 1 ? undefined : scale, code: 'too_large' }]);
  }
}

/**
 * Draw a spec as SVG with text measured by the faces given (the first family of each text's font list
 * that a face has, else the shipped font): the layout of the drawing those faces make. Nothing is
 * loaded by URL unless `loader` is given; a drawing past {@link RENDER_LIMITS} is refused.
 * @throws {CpiGapError} naming `fn` when the spec does not compile, vega reports an error while
 * drawing, the spec asks to load something without a loader, or the drawing is too large.
 */
export async function drawSvg(fn: string, spec: TopLevelSpec, options: DrawOptions): Promise<{ svg: string; context: MeasureContext }> {
  const errors: string[] = [];
  const logger = collectingLogger(options.onWarning, errors);
  let runtime;
  try {
    // vega-lite compiles the spec; vega parses the result (an unknown expression function fails here).
    // vega tags the inline data objects it ingests with a symbol-keyed id: draw from a copy, never the caller's spec.
    runtime = options.modules.vega.parse(options.modules.vegaLite.compile(structuredClone(spec), { logger }).spec);
  } catch (error) {
    throw new CpiGapError(fn, [{ path: ['spec'], message: `vega-lite cannot compile the spec: ${(error as Error).message}`, code: 'invalid_spec' }], { cause: error });
  }
  const context = measureContext(options.faces);
  const refused: string[] = [];
  const view = new options.modules.vega.View(runtime, { renderer: 'none', logger, logLevel: WARN, loader: options.loader ?? refusingLoader(refused) });
  try {
    const svg = await withMeasuredText(options.modules.vega, context, () => view.toSVG());
    if (refused.length > 0) {
      throw new CpiGapError(fn, [{ path: ['spec'], message: `the spec asks to load ${refused.map((u) => JSON.stringify(u)).join(', ')}: nothing is loaded by URL unless options.loader is given (such as vega.loader())`, value: refused[0], code: 'load_refused' }]);
    }
    if (errors.length > 0) throw new Error(errors.join('; '));
    // Data vega cannot place (a string or null where a number belongs) comes out as NaN coordinates.
    if (/="[^"]*\bNaN\b/.test(svg)) throw new Error('the drawing has NaN coordinates: a field holds values the chart cannot place');
    checkSize(fn, svg, options.scale);
    return { svg, context };
  } catch (error) {
    if (error instanceof CpiGapError) throw error;
    throw new CpiGapError(fn, [{ path: ['spec'], message: `vega cannot draw the spec: ${(error as Error).message}`, code: 'render_error' }], { cause: error });
  } finally {
    view.finalize();
  }
}

/**
 * Compile a Vega-Lite spec with vega-lite and draw it as SVG with vega, headless. Nothing is loaded
 * from a URL or a file unless `options.loader` is given (a spec's `data.url` is refused otherwise),
 * and a drawing past {@link RENDER_LIMITS} is refused. Text is measured
 * with the fonts that draw it (the shipped Sarabun, which heads the charts' font list, and any
 * `fontFiles`), so labels neither overlap nor leave blank margins. Fonts are named, not embedded,
 * unless `embedFonts` is set: then the SVG carries them and shows the same text in any browser (and
 * a font without glyphs for some of the text is reported to `onWarning`, as {@link toPng} does).
 *
 * @throws {CpiGapError} when the spec does not compile, vega reports an error while drawing, the spec
 * asks to load data without a loader (code `load_refused`), the drawing is too large (`too_large`), a
 * font file cannot be read, or `onWarning` throws or rejects (`callback_failed`).
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
  const warn = warningHandler('toSvg', o.onWarning);
  const modules = await renderModules('toSvg');
  const faces = renderFaces(modules.opentype, 'toSvg', o.fontFiles ?? []);
  const { svg, context } = await drawSvg('toSvg', spec, { modules, faces, onWarning: warn.call, loader: o.loader, scale: 1 });
  if (o.embedFonts === true) for (const warning of fontWarnings(context, false)) warn.call(warning);
  // A warning handler's promise that rejected right away is the render's error.
  await Promise.resolve();
  warn.check();
  return o.embedFonts === true ? embedFonts(svg, [...context.used]) : svg;
}
