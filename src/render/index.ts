/**
 * The `cpi-gap/render` subpath: turn a chart spec into SVG (Vega-Lite compiled, drawn by vega in
 * Node) or PNG (the SVG rasterised by resvg with system fonts and optional font files). This is the
 * only entry that loads vega, vega-lite and @resvg/resvg-js.
 *
 * @packageDocumentation
 * @module cpi-gap/render
 */
export { toSvg, RenderOptions, DataLoader, RENDER_LIMITS } from './toSvg.js';
export { toPng, PngOptions } from './toPng.js';
export { SHIPPED_FONT_FAMILY, shippedFontFiles } from './fonts.js';
