/**
 * The packages `cpi-gap/render` draws with (internal): vega, vega-lite, opentype.js and
 * @resvg/resvg-js are optional peer dependencies, loaded on first use by `import()`, so the entry
 * loads without them (and from CommonJS: vega has top-level await), and a missing one becomes a
 * CpiGapError that says what to install.
 */
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type OpenType from 'opentype.js';
import type * as ResvgJs from '@resvg/resvg-js';
import { optionalImport } from '../errors.js';

/** The one command that installs everything `cpi-gap/render` needs. */
export const RENDER_INSTALL = 'npm install vega vega-lite opentype.js @resvg/resvg-js';

/** vega, vega-lite and opentype.js, once loaded. */
export interface RenderModules {
  readonly vega: typeof Vega;
  readonly vegaLite: typeof VegaLite;
  readonly opentype: typeof OpenType;
}

let loaded: RenderModules | undefined;

/** Load vega, vega-lite and opentype.js (once); a missing one throws a CpiGapError naming `fn`. */
export async function renderModules(fn: string): Promise<RenderModules> {
  if (loaded !== undefined) return loaded;
  const [vega, vegaLite, opentype] = await Promise.all([
    optionalImport(fn, 'vega', RENDER_INSTALL, () => import('vega')),
    optionalImport(fn, 'vega-lite', RENDER_INSTALL, () => import('vega-lite')),
    optionalImport(fn, 'opentype.js', RENDER_INSTALL, () => import('opentype.js')),
  ]);
  loaded = { vega, vegaLite, opentype: opentype.default };
  return loaded;
}

/** Load @resvg/resvg-js (PNG only); a missing one throws a CpiGapError naming `fn`. */
export function resvgModule(fn: string): Promise<typeof ResvgJs> {
  return optionalImport(fn, '@resvg/resvg-js', RENDER_INSTALL, () => import('@resvg/resvg-js'));
}
