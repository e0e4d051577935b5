import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { CpiGapError, parseInput } from '../errors.js';

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
 * const options: RenderOptions = { onWarning: (message) => { warnings.push(message); } };
 * await toSvg(gapBarsSpec(sourceGaps(thailand)), options);
 * warnings.length; // => 0
 * ```
 */
export const RenderOptions = z.strictObject({ onWarning: WarningHandler.optional() }).optional();
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

/**
 * Compile a Vega-Lite spec with vega-lite and draw it as SVG with vega, headless (no browser, no
 * canvas: text widths are vega's estimates). Fonts are named in the SVG, not embedded: a viewer
 * needs one of the spec's fonts to show Thai (see {@link toPng} for a raster image).
 *
 * @throws {CpiGapError} when the spec does not compile or vega reports an error while drawing.
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
  const onWarning =
    o.onWarning ??
    ((message: string) => {
      console.warn(`cpi-gap render: ${message}`);
    });
  const errors: string[] = [];
  const logger = collectingLogger(onWarning, errors);
  let runtime;
  try {
    // vega-lite compiles the spec; vega parses the result (an unknown expression function fails here).
    // vega tags the inline data objects it ingests with a symbol-keyed id: draw from a copy, never the caller's spec.
    runtime = parse(compile(structuredClone(spec), { logger }).spec);
  } catch (error) {
    throw new CpiGapError('toSvg', [{ path: ['spec'], message: `vega-lite cannot compile the spec: ${(error as Error).message}`, code: 'invalid_spec' }], { cause: error });
  }
  const view = new View(runtime, { renderer: 'none', logger, logLevel: WARN });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(errors.join('; '));
    // Data vega cannot place (a string or null where a number belongs) comes out as NaN coordinates.
    if (/="[^"]*\bNaN\b/.test(svg)) throw new Error('the drawing has NaN coordinates: a field holds values the chart cannot place');
    return svg;
  } catch (error) {
    throw new CpiGapError('toSvg', [{ path: ['spec'], message: `vega cannot draw the spec: ${(error as Error).message}`, code: 'render_error' }], { cause: error });
  } finally {
    view.finalize();
  }
}
