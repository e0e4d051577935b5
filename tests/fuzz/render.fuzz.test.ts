/** Fuzz every function exported by `cpi-gap/render` (vega compiles and draws each spec: few runs). */
import { gapBarsSpec } from '../../src/charts/index.js';
import * as render from '../../src/render/index.js';
import { gaps2022 } from './fixtures.js';
import { fuzzEntry } from './harness.js';

fuzzEntry('cpi-gap/render', render, {
  toSvg: { args: () => [gapBarsSpec(gaps2022(), { locale: 'en' }), {}], runs: 25 },
  toPng: { args: () => [gapBarsSpec(gaps2022(), { locale: 'en' }), { scale: 1 }], runs: 15 },
  shippedFontFiles: { args: () => [] },
});
