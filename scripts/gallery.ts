/**
 * `npm run gallery`: draw every chart in English (CE years) and Thai (B.E. years) as SVG into
 * docs/gallery/, and write docs/gallery/index.html, which embeds the same specs with vega-embed.
 *
 * The page works offline: vega, vega-lite and vega-embed are copied from node_modules, and the shipped
 * Sarabun from fonts/, into docs/gallery/vendor/ (git-ignored, rewritten on every run). Serve the folder with any local
 * server (`npx http-server docs/gallery`, `python3 -m http.server -d docs/gallery`) and open it.
 *
 * Besides chartSet's dataset charts, the gallery draws five charts from other records: the scenario
 * paths (four what-if scenarios from 2025, `scenario` and `composeScenarios`), the Monte Carlo fan
 * (`simulate` from 2025 to 2030, seed 12345, 20,000 paths), the budget by measure and workstream (the plan's
 * `budgetByMeasure`), the plan status by workstream (`progressRollup` of the agencies' updates:
 * none are shipped, so without `--updates <file.csv>` every project shows "no update") and Thailand
 * among the ASEAN members (`peerComparison` of cpi-gap/world).
 *
 * The rank-position chart takes every country's score of the year from the bundled world panel
 * (`edition` of cpi-gap/world: TI's CPI 2012-2025, values unchanged).
 *
 * Usage: npm run gallery [-- --out <dir>] [-- --updates <progress.csv>]
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { budgetSpec, chartContext, chartSet, monteCarloFanSpec, peerComparisonSpec, planStatusSpec, scenarioPathsSpec, type ChartEntry } from '../src/charts/index.js';
import { composeScenarios, scenario, thailand, type Digits, type ScenarioSpec } from '../src/index.js';
import { budgetByMeasure, progressRollup, readProgressCsv } from '../src/plan/index.js';
import { shippedFontFiles, toSvg } from '../src/render/index.js';
import { simulate } from '../src/simulation/index.js';
import { edition, peerComparison } from '../src/world/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The year the gallery shows and the target it measures gaps against. */
export const GALLERY_YEAR = 2025;
export const GALLERY_TARGET = 51;

/** The Monte Carlo fan's run: a fixed seed, so the gallery is the same on every run. */
export const GALLERY_SIMULATION = { baseYear: GALLERY_YEAR, horizon: 5, seed: 12345, paths: 20_000 } as const;
/** The date the plan status is rolled up to: the end of fiscal year 2566 (B.E.). */
export const GALLERY_AS_OF = '2023-09-30';

/** The vendor files the page loads, from node_modules. */
export const VENDOR_FILES = ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'] as const;

/** One chart of the gallery: its id, locale, spec and SVG file name. */
export interface GalleryChart {
  readonly id: ChartEntry['id'] | 'scenario-paths' | 'monte-carlo-fan' | 'budget' | 'plan-status' | 'peers';
  readonly locale: 'en' | 'th';
  readonly file: string;
  readonly spec: TopLevelSpec;
}

/** The plan status chart's title when no updates are given: every project then shows "no update". */
const NO_UPDATES = {
  en: `Project status by workstream, as of ${GALLERY_AS_OF}: no progress updates loaded`,
  // GALLERY_AS_OF as a Thai reader writes the date: 30 September 2566 B.E.
  th: 'สถานะโครงการ จำแนกตามแผนงาน ณ วันที่ 30 กันยายน 2566: ยังไม่ได้นำเข้ารายงานความก้าวหน้า',
} as const;

/** The gallery's what-if scenarios from 2025, with their English and Thai names. */
const SCENARIOS: readonly { readonly en: string; readonly th: string; readonly spec: (name: string) => ScenarioSpec }[] = (() => {
  const span = { baseYear: GALLERY_YEAR, until: 2030 };
  const ws1 = { ...span, changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 3 }] } satisfies ScenarioSpec;
  const vdem = { changes: [{ kind: 'gain', source: 'VDEM', from: 2026, gain: 2 }] } satisfies ScenarioSpec;
  const every = thailand.sources.map((s) => ({ kind: 'gain' as const, source: s.id, from: 2026, gain: 3.5 }));
  return [
    { en: 'No change', th: 'คงที่', spec: (name) => ({ ...span, name, changes: [] }) },
    { en: 'WS1 sources +3 a year', th: 'แหล่งข้อมูลของแผนงานที่ 1 เพิ่มปีละ 3 คะแนน', spec: (name) => ({ ...ws1, name }) },
    { en: 'WS1 +3 and V-Dem +2 a year', th: 'แผนงานที่ 1 ปีละ 3 และ V-Dem ปีละ 2 คะแนน', spec: (name) => ({ ...composeScenarios(ws1, vdem), name }) },
    { en: 'Every source +3.5 a year', th: 'ทุกแหล่งข้อมูลเพิ่มปีละ 3.5 คะแนน', spec: (name) => ({ ...span, name, changes: every }) },
  ];
})();

/**
 * The gallery's charts: every chart of {@link chartSet} for Thailand, then the scenario paths, the
 * Monte Carlo fan, the budget, the plan status and the ASEAN peers, in English (CE) and Thai (B.E.).
 * `updatesCsv`: the agencies' progress updates (the Thai or English form as CSV text), if any;
 * `digits`: the charts' digits (`'thai'`: every figure in ๐-๙).
 */
export async function galleryCharts(updatesCsv?: string, digits: Digits = 'arabic'): Promise<GalleryChart[]> {
  const world = edition(GALLERY_YEAR);
  const distribution = { scores: [...world.scores], origin: world.origin };
  const peers = peerComparison(thailand, { group: 'asean', year: GALLERY_YEAR });
  const context = chartContext(thailand, { year: GALLERY_YEAR });
  const simulation = await simulate(thailand, { ...GALLERY_SIMULATION, target: GALLERY_TARGET });
  const rollup = progressRollup(updatesCsv === undefined ? [] : readProgressCsv(updatesCsv), { asOf: GALLERY_AS_OF });
  return (['en', 'th'] as const).flatMap((locale) => {
    const look = { locale, era: locale === 'th' ? ('be' as const) : ('ce' as const), digits };
    const charts: { id: GalleryChart['id']; spec: TopLevelSpec }[] = [
      ...chartSet(thailand, { year: GALLERY_YEAR, target: GALLERY_TARGET, ...look, distribution }),
      {
        id: 'scenario-paths',
        spec: scenarioPathsSpec(
          SCENARIOS.map((s) => scenario(thailand, s.spec(s[locale]))),
          { ...context, ...look, target: GALLERY_TARGET },
        ),
      },
      { id: 'monte-carlo-fan', spec: monteCarloFanSpec(simulation.years, { ...context, ...look, target: GALLERY_TARGET }) },
      { id: 'budget', spec: budgetSpec(budgetByMeasure(), { workstreams: context.workstreams, ...look }) },
      { id: 'plan-status', spec: planStatusSpec(rollup, { locale, digits, ...(updatesCsv === undefined ? { title: NO_UPDATES[locale] } : {}) }) },
      { id: 'peers', spec: peerComparisonSpec(peers, look) },
    ];
    return charts.map((c) => ({ id: c.id, locale, file: `${c.id}.${locale}.svg`, spec: c.spec }));
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The gallery page: one card per chart, drawn by vega-embed from the inline specs. */
export function galleryHtml(charts: readonly GalleryChart[]): string {
  const specs = JSON.stringify(charts.map((c) => ({ id: `${c.id}-${c.locale}`, spec: c.spec }))).replace(/</g, '\\u003c');
  const cards = charts
    .map(
      (c) => `    <section class="card" lang="${c.locale}">
      <h2>${escapeHtml(c.id)} <small>(${c.locale})</small> <a href="${c.file}">SVG</a></h2>
      <div class="chart" id="chart-${c.id}-${c.locale}"></div>
    </section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>cpi-gap chart gallery</title>
  <link rel="icon" href="data:,">
  <style>
    @font-face { font-family: Sarabun; font-weight: 400; src: url(vendor/Sarabun-Regular.ttf) format("truetype"); }
    @font-face { font-family: Sarabun; font-weight: 700; src: url(vendor/Sarabun-Bold.ttf) format("truetype"); }
    body { font-family: Sarabun, "Noto Sans Thai", Loma, Garuda, Tahoma, sans-serif; margin: 24px; background: #f4f4f4; }
    .card { background: white; margin: 0 0 24px; padding: 12px; border-radius: 6px; overflow-x: auto; }
    h2 { font-size: 15px; margin: 0 0 8px; } small { color: #666; } a { font-size: 12px; margin-left: 8px; }
  </style>
  <script src="vendor/vega.min.js"></script>
  <script src="vendor/vega-lite.min.js"></script>
  <script src="vendor/vega-embed.min.js"></script>
</head>
<body>
  <h1>cpi-gap chart gallery</h1>
  <p>Thailand, CPI ${GALLERY_YEAR}, target ${GALLERY_TARGET}. Generated by <code>npm run gallery</code>; serve this folder locally (the page loads vega from <code>vendor/</code>).
  Data: Thailand FY2023 CPI action plan; Transparency International, Corruption Perceptions Index (CC BY-ND 4.0).</p>
${cards}
  <script id="specs" type="application/json">${specs}</script>
  <script>
    (async () => {
      const entries = JSON.parse(document.getElementById('specs').textContent);
      const results = [];
      for (const { id, spec } of entries) {
        try {
          const { view } = await vegaEmbed('#chart-' + id, spec, { renderer: 'svg', actions: false });
          results.push({ id, ok: true, width: view.width() });
        } catch (error) {
          console.error('gallery: ' + id + ': ' + error);
          results.push({ id, ok: false, error: String(error) });
        }
      }
      window.galleryResults = results;
    })();
  </script>
</body>
</html>
`;
}

/** Write the SVGs, index.html and vendor/ into `outDir`; returns the charts written. */
export async function buildGallery(outDir: string, updatesCsv?: string): Promise<GalleryChart[]> {
  const charts = await galleryCharts(updatesCsv);
  mkdirSync(join(outDir, 'vendor'), { recursive: true });
  for (const c of charts) {
    const svg = await toSvg(c.spec, { onWarning: (m) => { console.warn(`gallery: ${c.file}: ${m}`); } });
    writeFileSync(join(outDir, c.file), `${svg}\n`);
  }
  writeFileSync(join(outDir, 'index.html'), galleryHtml(charts));
  for (const file of VENDOR_FILES) copyFileSync(join(ROOT, 'node_modules', file), join(outDir, 'vendor', file.split('/').at(-1) ?? file));
  // The page draws with the font the PNGs and the builders' line breaks are made for.
  for (const font of shippedFontFiles()) copyFileSync(font, join(outDir, 'vendor', basename(font)));
  return charts;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(ROOT, 'docs', 'gallery'));
  const updates = process.argv.indexOf('--updates');
  const updatesFile = updates >= 0 ? process.argv[updates + 1] : undefined;
  const charts = await buildGallery(outDir, updatesFile === undefined ? undefined : readFileSync(updatesFile, 'utf8'));
  console.log(`gallery: wrote ${charts.length} SVGs, index.html and vendor/ to ${outDir}`);
}
