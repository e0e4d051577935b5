// Chart specs for a web page: every chart of Thailand's 2025 data, in Thai and English, as Vega-Lite
// specs embedded in one HTML page that draws them with vega-embed. The page works offline: vega,
// vega-lite and vega-embed are copied from node_modules (npm install vega vega-lite vega-embed), with
// the shipped Sarabun font, into out/vendor/. Writes out/charts.html; open it in a browser. The specs
// are plain JSON: any Vega-Lite renderer takes them.
// Run: npx tsx examples/web-page.ts
// (In your own project: import { chartSet } from 'cpi-gap/charts'.)
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readTiResults, thailand } from '../src/index.js';
import { chartSet } from '../src/charts/index.js';
import { shippedFontFiles } from '../src/render/index.js';

const out = join(import.meta.dirname, '..', 'out');
mkdirSync(join(out, 'vendor'), { recursive: true });

// The browser builds of vega, vega-lite and vega-embed, in each package's folder (found from its entry).
const require = createRequire(import.meta.url);
const packageFolder = (name: string): string => {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
};
for (const name of ['vega', 'vega-lite', 'vega-embed']) copyFileSync(join(packageFolder(name), 'build', `${name}.min.js`), join(out, 'vendor', `${name}.min.js`));
for (const font of shippedFontFiles()) copyFileSync(font, join(out, 'vendor', basename(font)));

// With TI's CPI 2025 file beside the clone, the set also has the rank-position chart.
const tiFile = join(process.env.CPI_GAP_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'), 'data', 'ti-cpi', 'CPI2025_Results.csv');
const distribution = existsSync(tiFile)
  ? { scores: readTiResults(readFileSync(tiFile, 'utf8')).rows.map((r) => r.score), origin: { kind: 'ti', edition: 2025, file: 'CPI2025_Results.csv' } as const }
  : undefined;

const charts = (['th', 'en'] as const).flatMap((locale) =>
  chartSet(thailand, { year: 2025, locale, ...(distribution === undefined ? {} : { distribution }) }).map((c) => ({ id: `${c.id}-${locale}`, spec: c.spec })),
);

// JSON inside <script>: escape "<" so no string in the data can close the tag.
const json = JSON.stringify(charts).replace(/</g, '\\u003c');
const html = `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>CPI Thailand: gaps to 51 / ดัชนีการรับรู้การทุจริต</title>
<script src="vendor/vega.min.js"></script>
<script src="vendor/vega-lite.min.js"></script>
<script src="vendor/vega-embed.min.js"></script>
<style>
@font-face { font-family: Sarabun; font-weight: 400; src: url(vendor/Sarabun-Regular.ttf) format("truetype"); }
@font-face { font-family: Sarabun; font-weight: 700; src: url(vendor/Sarabun-Bold.ttf) format("truetype"); }
body { font-family: 'Sarabun', 'Noto Sans Thai', 'Loma', sans-serif; margin: 2rem; } figure { margin: 0 0 2rem; }
</style>
</head>
<body>
<h1>Thailand's CPI, source by source / ดัชนีการรับรู้การทุจริตของไทย รายแหล่งข้อมูล</h1>
<p>Source: Transparency International, Corruption Perceptions Index (CC BY-ND 4.0); the FY2023 action plan.</p>
<div id="charts"></div>
<script>
const charts = ${json};
for (const c of charts) {
  const figure = document.createElement('figure');
  figure.id = c.id;
  document.getElementById('charts').appendChild(figure);
  vegaEmbed(figure, c.spec, { actions: { export: true, source: false, compiled: false, editor: false } });
}
</script>
</body>
</html>
`;
const file = join(out, 'charts.html');
writeFileSync(file, html);
console.log(`wrote ${file} and vendor/ (vega, vega-lite, vega-embed, Sarabun; no network needed): ${charts.length} charts (${charts.map((c) => c.id).join(', ')})`);
